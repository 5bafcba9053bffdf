import { createdAt, type WorkspaceEntry } from '../autosave/workspaceEntry.ts';

/** One way to order the Workspaces dialog: its label and comparator. */
interface WorkspaceSort {
  readonly label: string;
  readonly compare: (a: WorkspaceEntry, b: WorkspaceEntry) => number;
}

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The dialog's orders, looked up by key (the <select> lists them in this order). */
export const WORKSPACE_SORTS = {
  modified: { label: 'last modified', compare: (a, b) => b.savedAt - a.savedAt || byName.compare(a.name, b.name) },
  created: { label: 'created', compare: (a, b) => createdAt(b) - createdAt(a) || byName.compare(a.name, b.name) },
  name: { label: 'name', compare: (a, b) => byName.compare(a.name, b.name) || b.savedAt - a.savedAt },
} as const satisfies Record<string, WorkspaceSort>;

/** A key of WORKSPACE_SORTS. */
export type WorkspaceSortKey = keyof typeof WORKSPACE_SORTS;

/** Whether a string from the page (the <select>'s value) names a sort. */
export const isWorkspaceSortKey = (v: string): v is WorkspaceSortKey => Object.hasOwn(WORKSPACE_SORTS, v);

/**
 * The rows the dialog shows: the entries whose name contains every word of `query` (any case,
 * accents ignored), in the chosen order. Newest and oldest are by the entries' own times.
 */
export function workspaceListView(docs: readonly WorkspaceEntry[], query: string, sort: WorkspaceSortKey): WorkspaceEntry[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
  const words = fold(query).split(/\s+/).filter((w) => w !== '');
  const shown = docs.filter((e) => words.every((w) => fold(e.name).includes(w)));
  return shown.sort(WORKSPACE_SORTS[sort].compare);
}

/** What a bulk delete will do: the ids it deletes, and whether the one shown here was left out. */
export interface BulkDeletion {
  readonly ids: readonly string[];
  readonly keptCurrent: boolean;
}

/**
 * The selected entries that a bulk delete removes: those still listed and visible, never the one
 * shown here (deleting it would leave the page showing a workspace with no saved entry).
 */
export function bulkDeletion(selected: ReadonlySet<string>, visible: readonly WorkspaceEntry[], currentId: string | null): BulkDeletion {
  const ids = visible.filter((e) => selected.has(e.id) && e.id !== currentId).map((e) => e.id);
  return { ids, keptCurrent: currentId !== null && selected.has(currentId) };
}
