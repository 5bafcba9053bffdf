import { describe, expect, it } from 'vitest';
import { parseWorkspace } from '../core/spec/parseWorkspace.ts';
import { createSimApi } from '../../workers/simApi.ts';
import { MILLION_GAIN } from '../../test/support/hostileWorkspaces.ts';
import { showReply } from './runController.ts';
import { createStore } from './store/index.ts';

describe('run notes in the page', () => {
  it('a run whose recording stopped at its budget says so in the header, and the next full run clears it', async () => {
    const api = createSimApi();
    const store = createStore();
    const capped = await api.run('j1', parseWorkspace(MILLION_GAIN));
    showReply(store, capped);
    const notice = store.getState().notices.find((n) => n.source === 'run');
    expect(notice?.text).toMatch(/^the recording stopped at step \d+ of 1000 \(layer 'ecg'\): it reached the budget of 1\.0e7 events per run/);
    // Shown as a warning: it stays until dismissed, like a refused file.
    expect(notice?.error).toBe(true);
    // The metrics keep the whole run's counts.
    expect(store.getState().summary?.layers.find((l) => l.name === 'ecg')?.spikeCount).toBeGreaterThan(1e8);
    const full = await api.run('j2', parseWorkspace({ ...MILLION_GAIN, encoder: { kind: 'direct', gain: 2 } }));
    showReply(store, full);
    expect(store.getState().notices.some((n) => n.source === 'run')).toBe(false);
  });
});
