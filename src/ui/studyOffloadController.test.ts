import { describe, expect, it } from 'vitest';
import { EDGE_TO_CLOUD_LINK } from '../core/hardware/linkModel.ts';
import type { StudyOffloadData } from '../core/study/studyTypes.ts';
import { createStore } from './store/index.ts';
import { offloadDataOf, offloadShown, pickOffloadTask, resetOffloadLink, setOffloadLink, setOffloadThreshold } from './studyOffloadController.ts';

const data = (task: string): StudyOffloadData => ({
  task,
  edge: 'Edge SNN, distilled',
  cloud: 'Cloud ANN',
  edge_alone: 'Edge SNN alone',
  confidence: [0.9, 0.5],
  edge_correct: [1, 0],
  cloud_correct: [1, 1],
  edge_energy_j: 1e-6,
  edge_latency_s: 1e-3,
  cloud_device: 'gpu-a100',
  cloud_energy_j: 1e-3,
  cloud_latency_s: 2e-3,
  bits_per_sample: 1000,
  link: EDGE_TO_CLOUD_LINK,
  operating_threshold: 0.8,
  edge_alone_accuracy: 0.5,
});

describe('studyOffloadController', () => {
  it('offloadShown starts at the operating threshold and default link, then follows the slice', () => {
    const store = createStore();
    const beats = data('beats');
    expect(offloadShown(store.getState().studyOffloadViews.beats, beats)).toEqual({ threshold: 0.8, link: EDGE_TO_CLOUD_LINK, linkEdited: false });
    setOffloadThreshold(store, 'beats', 0.3);
    const fast = { ...EDGE_TO_CLOUD_LINK, bandwidthBitsPerS: 100e6 };
    setOffloadLink(store, 'beats', fast);
    expect(offloadShown(store.getState().studyOffloadViews.beats, beats)).toEqual({ threshold: 0.3, link: fast, linkEdited: true });
    // Another task's panel is its own.
    expect(offloadShown(store.getState().studyOffloadViews.eeg, data('eeg')).threshold).toBe(0.8);
    resetOffloadLink(store, 'beats');
    expect(offloadShown(store.getState().studyOffloadViews.beats, beats)).toEqual({ threshold: 0.3, link: EDGE_TO_CLOUD_LINK, linkEdited: false });
  });

  it('setOffloadThreshold clamps to 0…1 and refuses a non-number', () => {
    const store = createStore();
    setOffloadThreshold(store, 'beats', 1.7);
    expect(store.getState().studyOffloadViews.beats?.threshold).toBe(1);
    setOffloadThreshold(store, 'beats', -1);
    expect(store.getState().studyOffloadViews.beats?.threshold).toBe(0);
    expect(() => setOffloadThreshold(store, 'beats', Number.NaN)).toThrow(/number from 0 to 1/);
  });

  it('offloadDataOf shows the picked task, or the first when the pick is not in the result', () => {
    const store = createStore();
    const all = [data('beats'), data('eeg')];
    expect(offloadDataOf(all, store.getState().studyOffloadTask)?.task).toBe('beats');
    pickOffloadTask(store, 'eeg');
    expect(offloadDataOf(all, store.getState().studyOffloadTask)?.task).toBe('eeg');
    expect(offloadDataOf(all, 'gone')?.task).toBe('beats');
    expect(offloadDataOf([], 'eeg')).toBeUndefined();
  });
});
