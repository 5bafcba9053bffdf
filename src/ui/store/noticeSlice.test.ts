import { describe, expect, it } from 'vitest';
import { createStore } from './index.ts';

describe('header notices', () => {
  it('keep one notice per source, newest last, so the header shows the latest', () => {
    const store = createStore();
    const { showNotice } = store.getState();
    showNotice('model', 'bad.model.json is not a Spikelab model', true);
    showNotice('nir', 'saved a.nir', false);
    showNotice('model', 'opened good.model.json', false);
    expect(store.getState().notices.map((n) => [n.source, n.text, n.error])).toEqual([
      ['nir', 'saved a.nir', false],
      ['model', 'opened good.model.json', false],
    ]);
  });

  it('dismisses the notice of one source and leaves the others', () => {
    const store = createStore();
    const { showNotice, dismissNotice } = store.getState();
    showNotice('workspace-file', 'x.json was not opened', true);
    showNotice('nir', 'junk.nir was not imported', true);
    dismissNotice('workspace-file');
    expect(store.getState().notices.map((n) => n.source)).toEqual(['nir']);
    dismissNotice('model');
    expect(store.getState().notices).toHaveLength(1);
  });
});
