import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore } from './index.ts';
import { PLAYGROUND_DEFAULT } from './playgroundSlice.ts';

afterEach(() => vi.useRealTimers());

describe('the playground slice', () => {
  it('records edits, undoes and redoes them, and refuses an edit that cannot run without recording it', () => {
    vi.useFakeTimers();
    const s = createStore();
    expect(s.getState().editPlayground({ kind: 'param', name: 'threshold', value: 1.5 })).toBeNull();
    vi.advanceTimersByTime(2000);
    expect(s.getState().editPlayground({ kind: 'model', model: 'izhikevich' })).toBeNull();
    expect(s.getState().playground.neuron.model).toBe('izhikevich');
    // The step preset moved to the Izhikevich scale (10 mV/ms).
    expect(s.getState().playground.input).toMatchObject({ kind: 'step', amplitude: 10 });
    expect(s.getState().editPlayground({ kind: 'param', name: 'threshold', value: 2 })).toMatch(/'izhikevich' has no parameter 'threshold'/);
    expect(s.getState().playgroundPast).toHaveLength(2);
    s.getState().undoPlayground();
    expect(s.getState().playground.neuron).toMatchObject({ model: 'lif', threshold: 1.5 });
    s.getState().undoPlayground();
    expect(s.getState().playground).toBe(PLAYGROUND_DEFAULT);
    s.getState().redoPlayground();
    expect(s.getState().playground.neuron).toMatchObject({ model: 'lif', threshold: 1.5 });
    expect(s.getState().playgroundFuture).toHaveLength(1);
    expect(s.getState().editPlayground({ kind: 'param', name: 'threshold', value: -1 })).toMatch(/threshold/);
    expect(s.getState().playgroundFuture).toHaveLength(1);
  });

  it('makes one history entry of a slider drag (edits of one parameter in quick succession), two of two separate moves', () => {
    vi.useFakeTimers();
    const s = createStore();
    for (const v of [1.1, 1.2, 1.3]) {
      s.getState().editPlayground({ kind: 'param', name: 'threshold', value: v });
      vi.advanceTimersByTime(100);
    }
    expect(s.getState().playgroundPast).toHaveLength(1);
    vi.advanceTimersByTime(2000);
    s.getState().editPlayground({ kind: 'param', name: 'threshold', value: 2 });
    expect(s.getState().playgroundPast).toHaveLength(2);
    s.getState().undoPlayground();
    s.getState().undoPlayground();
    expect(s.getState().playground.neuron).toMatchObject({ threshold: 1 });
  });

  it('starts afresh when a setup is set from outside (a lesson step): no history, no cursor', () => {
    const s = createStore();
    s.getState().editPlayground({ kind: 'param', name: 'threshold', value: 1.5 });
    s.getState().setPlaygroundCursor(12);
    s.getState().setPlayground({ ...PLAYGROUND_DEFAULT, durationMs: 200 });
    expect(s.getState().playgroundPast).toHaveLength(0);
    expect(s.getState().playgroundCursor).toBeNull();
    s.getState().undoPlayground();
    expect(s.getState().playground.durationMs).toBe(200);
  });
});
