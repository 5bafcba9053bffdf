import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { networkFromDraft } from '../../core/network/graphDraft.ts';
import { parseWorkspace } from '../../core/spec/parseWorkspace.ts';
import { createStore } from './index.ts';
import { pendingDraft, shownDraft } from './graphSlice.ts';

const preset = parseWorkspace(JSON.parse(readFileSync(new URL('../../../public/presets/default.workspace.json', import.meta.url), 'utf8')));

function freshStore() {
  const store = createStore();
  store.getState().loadWorkspace(preset);
  return store;
}

const broken = { from: 'fc1', to: 'lif1', recurrent: false } as const;

describe('the network editor in the store', () => {
  it('a broken connection is held as a draft with its problem while the last valid network stays; undo and redo step through it', () => {
    const s = freshStore();
    expect(s.getState().editGraph({ kind: 'disconnect', edge: broken })).toBeUndefined();
    const st = s.getState();
    expect(st.workspace).toBe(preset);
    const draft = pendingDraft(st);
    expect(draft).not.toBeNull();
    const r = networkFromDraft(draft!);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ node: 'lif1' });
    st.undo();
    expect(pendingDraft(s.getState())).toBeNull();
    expect(s.getState().workspace).toBe(preset);
    s.getState().redo();
    expect(pendingDraft(s.getState())).toEqual(draft);
    // Reconnecting finishes the graph: it becomes the workspace's network, identical to the preset's.
    expect(s.getState().editGraph({ kind: 'connect', from: 'fc1', to: 'lif1' })).toBeUndefined();
    expect(pendingDraft(s.getState())).toBeNull();
    expect(s.getState().workspace?.network).toEqual(preset.network);
    // Undo goes back to the unfinished draft, not past it.
    s.getState().undo();
    expect(pendingDraft(s.getState())).toEqual(draft);
  });

  it('an ordinary edit keeps the draft; replacing the workspace drops it', () => {
    const s = freshStore();
    s.getState().editGraph({ kind: 'disconnect', edge: broken });
    expect(s.getState().edit('seed', (d) => void (d['seed'] = 7))).toBe(true);
    expect(pendingDraft(s.getState())).not.toBeNull();
    s.getState().loadWorkspace(preset);
    expect(pendingDraft(s.getState())).toBeNull();
    expect(shownDraft(s.getState())?.edges).toContainEqual(broken);
  });

  it('a renamed node takes its membrane probe along; a deleted one drops it', () => {
    const s = freshStore();
    expect(s.getState().editGraph({ kind: 'rename-node', name: 'lif1', to: 'hidden' })).toBeUndefined();
    expect(s.getState().workspace?.simulation.record.membrane).toEqual([{ layer: 'hidden', neuron: 0 }]);
    expect(s.getState().editGraph({ kind: 'remove-node', name: 'hidden' })).toBeUndefined();
    expect(s.getState().workspace?.simulation.record.membrane).toEqual([]);
    expect(s.getState().workspace?.network.layers.map((l) => l.name)).toEqual(['ecg', 'fc1', 'fc2', 'lif2', 'fc3', 'classes']);
  });

  it('a value a node cannot take is refused on its field and changes nothing; a repeated edge is refused in words', () => {
    const s = freshStore();
    const fc1 = preset.network.layers[1]!;
    expect(s.getState().editGraph({ kind: 'set-node', node: { ...fc1, units: 0 } as never })).toMatch(/greater than|>/);
    expect(s.getState().editError?.path).toBe('network.layers[1].units');
    expect(s.getState().workspace).toBe(preset);
    expect(s.getState().past).toHaveLength(0);
    expect(s.getState().editGraph({ kind: 'connect', from: 'ecg', to: 'fc1' })).toMatch(/already feeds/);
    expect(s.getState().graphRefusal).toMatch(/already feeds/);
  });
});
