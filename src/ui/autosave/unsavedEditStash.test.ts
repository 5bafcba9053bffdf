import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { initWeights } from '../../core/network/weights.ts';
import { parseWorkspace } from '../../core/spec/parseWorkspace.ts';
import { clearStash, readStash, reconcileStash, stashKey, writeStash, type StashStorage } from './unsavedEditStash.ts';

const preset = parseWorkspace(JSON.parse(readFileSync(new URL('../../../public/presets/default.workspace.json', import.meta.url), 'utf8')));

/** localStorage in a Map, refusing any item longer than `quota` characters as a full store would. */
function mapStorage(quota = Infinity): StashStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem(k, v) {
      if (v.length > quota) throw new Error('QuotaExceededError');
      items.set(k, v);
    },
    removeItem: (k) => void items.delete(k),
  };
}

const edit = { docId: 'd', baseRevision: 3, editedAt: 1000, held: false, workspace: { ...preset, seed: 77 } };

describe('the unsaved-edit stash', () => {
  it('reads back what it wrote, weights included', () => {
    const s = mapStorage();
    const weights = initWeights(preset.network, 5);
    expect(writeStash(s, { ...edit, weights })).toBe(true);
    const read = readStash(s, 'd');
    expect(read.kind).toBe('edit');
    if (read.kind !== 'edit') return;
    expect(read.edit).toMatchObject({ docId: 'd', baseRevision: 3, editedAt: 1000, held: false, weightsLeftOut: false });
    expect(read.edit.workspace.seed).toBe(77);
    expect(read.edit.weights?.['fc1']?.values).toEqual(weights['fc1']?.values);
  });

  it('leaves the weights out rather than the workspace when the quota is short', () => {
    const small = mapStorage(8_000);
    expect(writeStash(small, { ...edit, weights: initWeights(preset.network, 5) })).toBe(true);
    const read = readStash(small, 'd');
    expect(read.kind === 'edit' && read.edit.weightsLeftOut).toBe(true);
    expect(writeStash(mapStorage(10), edit)).toBe(false);
  });

  it('reports a damaged stash with its text instead of throwing', () => {
    const s = mapStorage();
    s.items.set(stashKey('d'), '{"stashVersion":1,"docId":"d"');
    expect(readStash(s, 'd')).toMatchObject({ kind: 'damaged', text: '{"stashVersion":1,"docId":"d"' });
    s.items.set(stashKey('d'), JSON.stringify({ stashVersion: 1, docId: 'other' }));
    expect(readStash(s, 'd')).toMatchObject({ kind: 'damaged', reason: expect.stringMatching(/names workspace other/) });
  });

  it('is not cleared by the save of an older edit', () => {
    const s = mapStorage();
    writeStash(s, edit);
    clearStash(s, 'd', 999);
    expect(readStash(s, 'd').kind).toBe('edit');
    clearStash(s, 'd', 1000);
    expect(readStash(s, 'd').kind).toBe('none');
  });

  it('reconciles: landed when saved, restored over its own base revision, else a copy', () => {
    expect(reconcileStash({ ...edit, weightsLeftOut: false }, { revision: 4, workspace: edit.workspace })).toBe('landed');
    expect(reconcileStash({ ...edit, weightsLeftOut: false }, { revision: 3, workspace: preset })).toBe('restore');
    expect(reconcileStash({ ...edit, weightsLeftOut: false }, { revision: 4, workspace: preset })).toBe('copy');
    expect(reconcileStash({ ...edit, held: true, weightsLeftOut: false }, { revision: 3, workspace: preset })).toBe('copy');
    expect(reconcileStash({ ...edit, weightsLeftOut: false }, { revision: null, workspace: null })).toBe('copy');
    // Same workspace, other weights (a training run): not landed.
    expect(reconcileStash({ ...edit, weights: initWeights(preset.network, 1), weightsLeftOut: false }, { revision: 3, workspace: edit.workspace, weights: initWeights(preset.network, 2) })).toBe('restore');
  });
});
