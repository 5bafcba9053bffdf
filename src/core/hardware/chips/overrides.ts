import { quoteInput } from '../../format/inputText.ts';
import { SpecError, type SpecIssue } from '../../errors.ts';
import { chipProfileSchema, type ChipProfile, type Provenance } from '../chipProfile.ts';

/** A container in the profile's JSON tree and the key of one field in it. */
interface Slot {
  readonly container: Record<string, unknown> | unknown[];
  readonly key: string | number;
}

// Keys that could reach an object's prototype; never followed.
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Finds the field a dotted path names (`energy.synOpPJ`, `layerCores.kernelMemory.5`), or null. */
function locate(root: unknown, path: string): Slot | null {
  const parts = path.split('.');
  let node: unknown = root;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (part === '' || FORBIDDEN.has(part)) return null;
    const last = i === parts.length - 1;
    if (Array.isArray(node)) {
      if (!/^\d+$/.test(part) || Number(part) >= node.length) return null;
      if (last) return { container: node, key: Number(part) };
      node = node[Number(part)];
    } else if (isRecord(node)) {
      if (!Object.hasOwn(node, part)) return null;
      if (last) return { container: node, key: part };
      node = node[part];
    } else {
      return null;
    }
  }
  return null;
}

function read(slot: Slot): unknown {
  return Array.isArray(slot.container) ? slot.container[Number(slot.key)] : slot.container[String(slot.key)];
}

function write(slot: Slot, value: number | boolean): void {
  if (Array.isArray(slot.container)) slot.container[Number(slot.key)] = value;
  else slot.container[String(slot.key)] = value;
}

function shown(v: unknown): string {
  return v === null ? 'none' : String(v);
}

/**
 * The profile with single figures replaced, each override keyed by its dotted path. A number may
 * replace a number or a null limit, a boolean a boolean; anything else, or a path the profile
 * does not have, is a SpecError at `chip.overrides.<path>`. Every edited figure's provenance
 * becomes 'user' and remembers the built-in value, and the result is validated again.
 */
export function applyOverrides(base: ChipProfile, overrides: Readonly<Record<string, number | boolean>>): ChipProfile {
  // The profile is plain JSON (no Infinity, no undefined), so a JSON round trip is a deep copy.
  const draft: unknown = JSON.parse(JSON.stringify(base));
  const issues: SpecIssue[] = [];
  const provenance: Record<string, Provenance> = { ...base.provenance };
  for (const [path, value] of Object.entries(overrides)) {
    const at = `chip.overrides.${quoteInput(path)}`;
    const slot = path.startsWith('provenance.') || path.startsWith('notes.') ? null : locate(draft, path);
    if (!slot) {
      issues.push({ path: at, message: `the chip profile has no field '${quoteInput(path)}'` });
      continue;
    }
    const old = read(slot);
    const fits = typeof value === 'boolean' ? typeof old === 'boolean' : typeof old === 'number' || old === null;
    if (!fits) {
      const expected = old === null || typeof old === 'number' ? 'takes a number' : typeof old === 'boolean' ? 'takes true or false' : 'is not a single figure';
      issues.push({ path: at, message: `'${quoteInput(path)}' ${expected}; got ${typeof value}` });
      continue;
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
      issues.push({ path: at, message: `'${quoteInput(path)}' must be a finite number` });
      continue;
    }
    write(slot, value);
    provenance[path] = { status: 'user', source: `edited in the workbench (was ${shown(old)})` };
  }
  if (issues.length > 0) throw new SpecError(issues);
  const parsed = chipProfileSchema.safeParse(isRecord(draft) ? { ...draft, provenance } : draft);
  if (!parsed.success) {
    throw new SpecError(
      parsed.error.issues.map((issue) => {
        const p = issue.path.map(String).join('.');
        return { path: Object.hasOwn(overrides, p) ? `chip.overrides.${p}` : `chip.${p}`, message: issue.message };
      }),
    );
  }
  return parsed.data;
}
