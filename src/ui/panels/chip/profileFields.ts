import { SpecError } from '../../../core/errors.ts';
import type { ChipProfile, FigureStatus } from '../../../core/hardware/chipProfile.ts';
import { applyOverrides } from '../../../core/hardware/chips/overrides.ts';
import { ENERGY_OPERATIONS } from '../../../core/hardware/energyOperations.ts';

/** One figure of a chip profile as the editor shows it. */
export interface ProfileField {
  /** Dotted path, the key of `profile.provenance` and of `chip.overrides`. */
  readonly path: string;
  /** 'number' and 'boolean' are editable; a 'limit' is a number that may be null (no limit); a 'list' is read-only. */
  readonly kind: 'number' | 'limit' | 'boolean' | 'list';
  /** The built-in value (lists joined with commas). */
  readonly base: number | boolean | null | string;
  /** The user's value, if the figure is overridden. */
  readonly override: number | boolean | undefined;
  readonly status: FigureStatus | undefined;
  readonly source: string;
  /** The operation a per-op energy counts (synaptic event, neuron update, packet hop), so a pJ figure says per what. */
  readonly operation?: string;
}

// Names and modes rather than figures: shown in the editor's heading, not as rows.
const NOT_FIGURES = new Set(['id', 'name', 'vendor', 'architecture', 'timeBase', 'provenance', 'notes']);

/** The provenance of a path, or of the nearest enclosing object that has one (`singleCore.cycles`). */
function provenanceOf(profile: ChipProfile, path: string): { status: FigureStatus | undefined; source: string } {
  for (let p = path; p !== ''; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const entry = profile.provenance[p];
    if (entry) return { status: entry.status, source: p === path ? entry.source : `${entry.source} (given for ${p})` };
  }
  return { status: undefined, source: 'no source given' };
}

/**
 * Every figure of a profile, in the profile's own order, with its source and status and the user's
 * override. An overridden figure's status is 'user'; the built-in source stays visible beside it.
 */
export function profileFields(profile: ChipProfile, overrides: Readonly<Record<string, number | boolean>>): ProfileField[] {
  const out: ProfileField[] = [];
  const walk = (node: Readonly<Record<string, unknown>>, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (prefix === '' && NOT_FIGURES.has(key)) continue;
      const path = prefix === '' ? key : `${prefix}.${key}`;
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        walk(value as Record<string, unknown>, path);
        continue;
      }
      const kind = Array.isArray(value) ? 'list' : typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : value === null ? 'limit' : undefined;
      if (!kind) continue;
      const prov = provenanceOf(profile, path);
      const override = overrides[path];
      out.push({
        path,
        kind: kind === 'number' && isLimit(path) ? 'limit' : kind,
        base: Array.isArray(value) ? value.join(', ') : (value as number | boolean | null),
        override,
        status: override === undefined ? prov.status : 'user',
        source: prov.source,
        ...(ENERGY_OPERATIONS[path] ? { operation: ENERGY_OPERATIONS[path] } : {}),
      });
    }
  };
  walk(profile, '');
  return out;
}

/** Per-core limits and the real-time step may be null (no limit) in the schema. */
function isLimit(path: string): boolean {
  return ['inAxonsPerCore', 'outAxonsPerCore', 'synapseBitsPerCore', 'fanInPerNeuron', 'fanoutCoresPerNeuron', 'timing.stepTimeS'].includes(path);
}

/**
 * Why an override would be refused (the core's own check: type, range, schema), or null when the
 * profile accepts it. Runs before the edit reaches the workspace so the error shows beside the field.
 */
export function overrideError(profile: ChipProfile, overrides: Readonly<Record<string, number | boolean>>, path: string, value: number | boolean): string | null {
  try {
    applyOverrides(profile, { ...overrides, [path]: value });
    return null;
  } catch (e) {
    if (!(e instanceof SpecError)) throw e;
    const mine = e.issues.find((i) => i.path === `chip.overrides.${path}`) ?? e.issues[0];
    return mine ? mine.message : e.message;
  }
}
