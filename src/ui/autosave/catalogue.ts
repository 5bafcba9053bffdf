import { entryProblem, type WorkspaceEntry } from './workspaceEntry.ts';

/** A catalogue entry that cannot be listed as a workspace: where it is, what it says it is, and why. */
export interface DamagedEntry {
  /** The key it is stored under in the catalogue (and its record, if any, in the records store). */
  readonly key: string;
  /** Its name when it still has one, else its key: how the user can tell it apart. */
  readonly name: string;
  readonly reason: string;
}

/** The catalogue as read: the entries that can be listed (once each, newest save first) and the damaged ones. */
export interface Catalogue {
  readonly entries: readonly WorkspaceEntry[];
  readonly damaged: readonly DamagedEntry[];
}

/** Quotes at most a short prefix of a stored string: a damaged catalogue may hold anything, of any size. */
const shortQuote = (s: string) => `'${s.length > 60 ? `${s.slice(0, 60)}…` : s}'`;

/**
 * Reads the catalogue's stored [key, value] pairs. Every readable entry is listed; an unreadable
 * one is kept as damaged with the reason, never dropped in silence. The dedupe rule: an entry is
 * listed only under the key it names as its id, because WorkspaceDb.write stores the entry and its
 * record under that one key. A copy under another key (which would list the workspace twice) is
 * damaged ("stored under …"), so no id is ever listed twice.
 */
export function readCatalogue(pairs: readonly (readonly [IDBValidKey, unknown])[]): Catalogue {
  const entries: WorkspaceEntry[] = [];
  const damaged: DamagedEntry[] = [];
  for (const [rawKey, value] of pairs) {
    const key = typeof rawKey === 'string' ? rawKey : String(rawKey);
    const named = typeof value === 'object' && value !== null ? (value as { name?: unknown }).name : undefined;
    const full = typeof named === 'string' && named.trim() !== '' ? named : key;
    const name = full.length > 80 ? `${full.slice(0, 80)}…` : full;
    const problem = typeof rawKey === 'string' ? entryProblem(value) : `its key is a ${typeof rawKey}, not a string`;
    if (problem !== null) damaged.push({ key, name, reason: problem });
    else if ((value as WorkspaceEntry).id !== key) damaged.push({ key, name, reason: `stored under ${shortQuote(key)} but its id is ${shortQuote((value as WorkspaceEntry).id)}` });
    else entries.push(value as WorkspaceEntry);
  }
  return { entries: entries.sort((a, b) => b.savedAt - a.savedAt), damaged };
}
