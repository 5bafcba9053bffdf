import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWorkspace } from '../../core/spec/parseWorkspace.ts';
import { createStore } from './index.ts';

const preset = parseWorkspace(JSON.parse(readFileSync(new URL('../../../public/presets/default.workspace.json', import.meta.url), 'utf8')));

function freshStore() {
  const store = createStore();
  store.getState().loadWorkspace(preset);
  return store;
}

const units = (s: ReturnType<typeof freshStore>) => {
  const l = s.getState().workspace?.network.layers[1];
  return l?.kind === 'dense' ? l.units : undefined;
};

describe('UI store', () => {
  it('applies a valid edit and can undo and redo it', () => {
    const s = freshStore();
    expect(s.getState().edit('units', (d) => (d.network.layers[1]!['units'] = 80))).toBe(true);
    expect(units(s)).toBe(80);
    s.getState().undo();
    expect(units(s)).toBe(64);
    s.getState().redo();
    expect(units(s)).toBe(80);
  });

  it('refuses an invalid edit, keeps the workspace and says where the problem is', () => {
    const s = freshStore();
    expect(s.getState().edit('units', (d) => (d.network.layers[1]!['units'] = -5))).toBe(false);
    expect(units(s)).toBe(64);
    expect(s.getState().editError?.path).toBe('network.layers[1].units');
    expect(s.getState().past).toHaveLength(0);
  });

  it('does not record non-undoable edits, and a new edit clears the redo list', () => {
    const s = freshStore();
    s.getState().edit('probe', (d) => (d['seed'] = 5), { undoable: false });
    expect(s.getState().past).toHaveLength(0);
    s.getState().edit('a', (d) => (d.network.layers[1]!['units'] = 10));
    s.getState().undo();
    expect(s.getState().future).toHaveLength(1);
    s.getState().edit('b', (d) => (d.network.layers[1]!['units'] = 12));
    expect(s.getState().future).toHaveLength(0);
  });
});
