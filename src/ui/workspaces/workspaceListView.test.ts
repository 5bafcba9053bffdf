import { describe, expect, it } from 'vitest';
import type { WorkspaceEntry } from '../autosave/workspaceEntry.ts';
import { bulkDeletion, isWorkspaceSortKey, workspaceListView } from './workspaceListView.ts';

const entry = (name: string, savedAt: number, createdAt?: number): WorkspaceEntry => ({ id: name, name, savedAt, revision: 1, summary: '', hasWeights: false, ...(createdAt === undefined ? {} : { createdAt }) });
const docs = [entry('Gamma EEG', 50, 10), entry('alpha ECG', 30, 20), entry('Bêta ECG', 40, 30), entry('legacy', 5)];
const names = (es: readonly WorkspaceEntry[]) => es.map((e) => e.name);

describe('workspaceListView', () => {
  it('filters by every word of the query, in any case and without accents', () => {
    expect(names(workspaceListView(docs, 'ecg', 'name'))).toEqual(['alpha ECG', 'Bêta ECG']);
    expect(names(workspaceListView(docs, '  BETA  ecg ', 'name'))).toEqual(['Bêta ECG']);
    expect(names(workspaceListView(docs, 'zeta', 'name'))).toEqual([]);
    expect(workspaceListView(docs, '', 'name')).toHaveLength(4);
  });

  it('sorts by name, by last modified (newest first) and by created (newest first; old entries by their save)', () => {
    expect(names(workspaceListView(docs, '', 'name'))).toEqual(['alpha ECG', 'Bêta ECG', 'Gamma EEG', 'legacy']);
    expect(names(workspaceListView(docs, '', 'modified'))).toEqual(['Gamma EEG', 'Bêta ECG', 'alpha ECG', 'legacy']);
    expect(names(workspaceListView(docs, '', 'created'))).toEqual(['Bêta ECG', 'alpha ECG', 'Gamma EEG', 'legacy']);
  });

  it('does not reorder the list it was given', () => {
    const before = names(docs);
    workspaceListView(docs, '', 'name');
    expect(names(docs)).toEqual(before);
  });

  it('knows its sort keys and nothing else', () => {
    expect(['name', 'modified', 'created'].every(isWorkspaceSortKey)).toBe(true);
    expect(isWorkspaceSortKey('toString')).toBe(false);
    expect(isWorkspaceSortKey('size')).toBe(false);
  });
});

describe('bulkDeletion', () => {
  it('deletes the selected rows that are visible, never the workspace shown here', () => {
    const visible = workspaceListView(docs, 'ecg', 'name');
    const selected = new Set(['alpha ECG', 'Bêta ECG', 'Gamma EEG']);
    expect(bulkDeletion(selected, visible, 'Bêta ECG')).toEqual({ ids: ['alpha ECG'], keptCurrent: true });
    expect(bulkDeletion(selected, visible, 'legacy')).toEqual({ ids: ['alpha ECG', 'Bêta ECG'], keptCurrent: false });
    expect(bulkDeletion(new Set(), visible, null)).toEqual({ ids: [], keptCurrent: false });
  });
});
