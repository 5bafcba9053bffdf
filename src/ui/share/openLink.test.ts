import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { initWeights } from '../../core/network/weights.ts';
import { encodeWorkspaceLink } from '../../core/share/linkCodec.ts';
import { parseWorkspace } from '../../core/spec/parseWorkspace.ts';
import { currentWeights } from '../runController.ts';
import { createStore } from '../store/index.ts';
import { openLink } from './openLink.ts';
import { buildShareLink } from './shareLink.ts';
import { hashHasLink } from './urlSync.ts';

const preset = parseWorkspace(JSON.parse(readFileSync(new URL('../../../public/presets/default.workspace.json', import.meta.url), 'utf8')));
const page = { origin: 'https://example.org', pathname: '/spikelab/' };

function freshStore() {
  const store = createStore();
  store.getState().loadWorkspace(preset);
  return store;
}

describe('openLink', () => {
  it('replaces the workspace with the linked one, and undo brings the previous one back', () => {
    const store = freshStore();
    const shared = parseWorkspace({ ...structuredClone(preset), name: 'shared', seed: 7 });
    expect(openLink(store, buildShareLink(shared, undefined, page).url)).toBe(true);
    expect(store.getState().workspace).toEqual(shared);
    expect(store.getState().linkNotice).toEqual({ kind: 'opened', name: 'shared', weightBits: null, files: [] });
    store.getState().undo();
    expect(store.getState().workspace).toEqual(preset);
  });

  it('keeps the edits made before the link undoable', () => {
    const store = freshStore();
    store.getState().edit('seed', (d) => void (d['seed'] = 11));
    expect(openLink(store, buildShareLink(preset, undefined, page).url)).toBe(true);
    store.getState().undo();
    expect(store.getState().workspace?.seed).toBe(11);
    store.getState().undo();
    expect(store.getState().workspace).toEqual(preset);
  });

  it('puts the linked weights where the run controller looks for them', () => {
    const store = freshStore();
    const weights = initWeights(preset.network, 3);
    const link = buildShareLink(preset, weights, page);
    expect(link.weightsIncluded).toBe(true);
    expect(openLink(store, `#${link.fragment}`)).toBe(true);
    const back = currentWeights(store, preset);
    expect(Object.keys(back ?? {}).sort()).toEqual(Object.keys(weights).sort());
    // The link fits, so the weights travel exactly (float32): the receiver runs the author's network.
    expect(back).toEqual(weights);
    expect(store.getState().linkNotice).toMatchObject({ kind: 'opened', weightBits: 32 });
  });

  it('clears trained weights when the link has none, so both sides run the same network', () => {
    const store = freshStore();
    expect(openLink(store, buildShareLink(preset, initWeights(preset.network, 3), page).url)).toBe(true);
    expect(openLink(store, buildShareLink(preset, undefined, page).url)).toBe(true);
    expect(currentWeights(store, preset)).toBeUndefined();
  });

  it('refuses a truncated link with its stage and keeps the workspace and its history', () => {
    const store = freshStore();
    store.getState().edit('seed', (d) => void (d['seed'] = 11));
    const before = store.getState().workspace;
    const { fragment } = encodeWorkspaceLink(preset);
    expect(openLink(store, fragment.slice(0, fragment.length - 20))).toBe(false);
    expect(store.getState().workspace).toBe(before);
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().linkNotice).toMatchObject({ kind: 'refused' });
  });

  it('refuses a link of a future codec version at the version stage', () => {
    const store = freshStore();
    expect(openLink(store, '#w=v9.AAAA')).toBe(false);
    expect(store.getState().linkNotice).toMatchObject({ kind: 'refused', stage: 'version' });
  });
});

it('names the dropped files a linked workspace needs, with their checksums', () => {
  const nmnist = parseWorkspace(JSON.parse(readFileSync(new URL('../../../public/presets/dvs-nmnist.workspace.json', import.meta.url), 'utf8')));
  const store = freshStore();
  expect(openLink(store, buildShareLink(nmnist, undefined, page).url)).toBe(true);
  expect(store.getState().linkNotice).toMatchObject({ kind: 'opened', files: [{ name: '60001.bs2', checksum: 'crc32:b4414a91:16650' }] });
});

describe('hashHasLink', () => {
  it('finds w= as the first or a later fragment parameter, and nothing else', () => {
    expect(hashHasLink('#w=v1.abc')).toBe(true);
    expect(hashHasLink('#view=x&w=v1.abc')).toBe(true);
    expect(hashHasLink('#section-2')).toBe(false);
    expect(hashHasLink('')).toBe(false);
  });
});
