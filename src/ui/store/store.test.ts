import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWorkspace } from '../../core/spec/parseWorkspace.ts';
import { createStore } from './index.ts';
import { replaceWorkspace } from '../share/replaceWorkspace.ts';
import { TERA_WEIGHTS } from '../../../test/support/hostileWorkspaces.ts';

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

  it('refuses an edit over the workspace budgets with path, estimate and budget, and keeps the workspace', () => {
    const s = freshStore();
    // default preset: 32 inputs → fc1 64 → lif1 → fc2 → lif2 → fc3 5; fc2 = 10^6 units: 32·64 + 64·10^6 + 10^6·5 ≈ 6.9e7 weights.
    expect(s.getState().edit('units', (d) => (d.network.layers[3]!['units'] = 1_000_000))).toBe(false);
    expect(s.getState().workspace).toBe(preset);
    expect(s.getState().editError).toEqual({ path: 'network.layers[3].units', message: 'the network would hold 6.9e7 weights; the budget is 5.0e7' });
  });

  it('does not open a workspace over its budgets: the one shown stays and the banner says why', () => {
    const s = freshStore();
    expect(replaceWorkspace(s, parseWorkspace(TERA_WEIGHTS.workspace), undefined, 'open file')).toBeNull();
    expect(s.getState().workspace).toBe(preset);
    expect(s.getState().past).toHaveLength(0);
    expect(s.getState().editError?.message).toBe('the network would hold 1.0e12 weights; the budget is 5.0e7');
  });
});
