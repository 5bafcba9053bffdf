import type { useStore } from '../store/index.ts';

/**
 * Renames the workspace shown (an undoable edit, autosaved like any other). Blank or unchanged
 * names change nothing. Returns why a name was refused (the schema's message), else null.
 */
export function renameWorkspace(store: typeof useStore, typed: string): string | null {
  const st = store.getState();
  const next = typed.trim();
  if (!st.workspace || next === '' || next === st.workspace.name) return null;
  if (st.edit('rename workspace', (d) => void (d['name'] = next))) return null;
  return `not renamed: ${store.getState().editError?.message ?? 'invalid name'}`;
}
