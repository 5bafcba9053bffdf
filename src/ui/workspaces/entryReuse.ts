import type { Workspace } from '../../core/spec/workspace.ts';
import type { WorkspaceEntry } from '../autosave/workspaceEntry.ts';

/**
 * JSON with object keys sorted, so two equal workspaces give the same text whatever order their
 * keys were written in (an edited draft and a parsed file may differ in order, not in content).
 */
function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** FNV-1a over UTF-16 code units, 32 bits, from a given offset basis. */
function fnv1a(text: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** 64 bits as two FNV-1a passes: a collision between two saved workspaces is out of reach. */
const hash = (text: string) => fnv1a(text, 0x811c9dc5).toString(16).padStart(8, '0') + fnv1a(text, 0x2166136b).toString(16).padStart(8, '0');

/** Fingerprint of everything the user can change, the name included: a rename is an edit. */
export function workspaceFingerprint(ws: Workspace): string {
  return hash(stableJson(ws));
}

/**
 * Fingerprint of the workspace without its name: a preset opened as "X (2)" still has the
 * preset's content, so reopening the preset finds it.
 */
export function contentFingerprint(ws: Workspace): string {
  const rest: Record<string, unknown> = { ...ws };
  delete rest['name'];
  return hash(stableJson(rest));
}

/**
 * Whether the workspace shown carries the user's own work: trained weights, or any change since it
 * was opened (`pristine` is the fingerprint it was opened with; null when unknown, e.g. a saved
 * workspace from before this rule, which is then kept as edited).
 */
export function isEdited(ws: Workspace, pristine: string | null, hasWeights: boolean): boolean {
  return hasWeights || pristine === null || workspaceFingerprint(ws) !== pristine;
}

/** Where an incoming workspace (a preset, a link, a file) goes in the workspace list. */
export type EntryChoice =
  /** Open this saved entry: it holds the same content, unedited (no copy is made). */
  | { readonly kind: 'open'; readonly id: string }
  /** Write it into the entry shown now, which holds nothing of the user's own. */
  | { readonly kind: 'replace' }
  /** A saved entry of its own; the one shown stays in the list. */
  | { readonly kind: 'new' };

/** What `chooseEntry` needs to know. */
export interface EntryQuestion {
  /** The saved workspace shown now, and whether it has the user's edits (null before boot). */
  readonly current: { readonly id: string; readonly edited: boolean } | null;
  /** The saved workspaces (as listed; entries from before this rule have no `edited` and count as edited). */
  readonly docs: readonly WorkspaceEntry[];
  /** The incoming workspace's content fingerprint (contentFingerprint) and whether weights come with it. */
  readonly incoming: { readonly content: string; readonly hasWeights: boolean };
  /** Whether an existing unedited entry with this content may be opened instead (presets, New). */
  readonly reopen: boolean;
}

/**
 * The entry-reuse rule: switching presets must not pile up copies. An unedited saved entry with
 * the same content is opened (when allowed); else a shown workspace without the user's own edits
 * is replaced in place; only one with edits is kept, and the incoming one gets an entry of its own.
 * Undo returns to what was shown in every case (the caller records it).
 */
export function chooseEntry(q: EntryQuestion): EntryChoice {
  if (q.reopen && !q.incoming.hasWeights) {
    const same = q.docs.filter((e) => e.id !== q.current?.id && e.edited === false && !e.hasWeights && e.content === q.incoming.content);
    const newest = same.reduce<WorkspaceEntry | undefined>((best, e) => (best && best.savedAt >= e.savedAt ? best : e), undefined);
    if (newest) return { kind: 'open', id: newest.id };
  }
  return q.current && !q.current.edited ? { kind: 'replace' } : { kind: 'new' };
}

/** Longest workspace name the schema takes. */
const MAX_NAME = 200;

/**
 * `name`, or `name (2)`, `name (3)`… — the first that no other saved workspace has, so two
 * entries in the list never read alike. A name already ending in " (n)" counts up from its base.
 */
export function uniqueName(name: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  if (!names.has(name)) return name;
  const base = name.replace(/ \(\d+\)$/, '');
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = base.slice(0, MAX_NAME - suffix.length) + suffix;
    if (!names.has(candidate)) return candidate;
  }
}
