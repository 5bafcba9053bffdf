import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Lesson } from '../../core/teach/lessonTypes.ts';
import { createStore } from '../store/index.ts';
import { goToStep, skipStep, startLesson } from './lessonController.ts';
import { startTaskChecks } from './taskCheckController.ts';

const lesson: Lesson = {
  format: 1,
  id: 'check-test',
  title: 'Checks',
  summary: 'Two steps.',
  steps: [
    { title: 'Chip', text: 'Open it.', view: 'spikes', task: { kind: 'view-open', goal: 'Open the chip view', params: { view: 'chip' }, hint: 'The Chip tab.' } },
    { title: 'Slider', text: 'Move it.', task: { kind: 'action-done', goal: 'Move the slider', params: { action: 'figure:surrogate-slope', times: 1 } } },
  ],
};

describe('live task checks', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('checks the step on entry and again after each change, throttled, and marks it done once it passes', async () => {
    const store = createStore();
    const stop = startTaskChecks(store, 200);
    startLesson(store, lesson, 'file', 0);
    await vi.advanceTimersByTimeAsync(500);
    expect(store.getState().lessonCheck.verdict).toEqual({ done: false, feedback: expect.stringMatching(/spikes view is open/) as unknown });
    store.getState().setCenterView('chip');
    // Throttled: not at once.
    expect(store.getState().lessonCheck.verdict?.done).toBe(false);
    await vi.advanceTimersByTimeAsync(250);
    expect(store.getState().lessonCheck.verdict?.done).toBe(true);
    expect(store.getState().lessonProgress['check-test']?.steps).toEqual(['done', null]);
    stop();
  });

  it("counts the failed checks that follow the student's changes, not the step's own setup", async () => {
    const store = createStore();
    const stop = startTaskChecks(store, 200);
    startLesson(store, lesson, 'file', 0);
    await vi.advanceTimersByTimeAsync(500);
    expect(store.getState().lessonCheck.tries).toBe(0);
    store.getState().setCenterView('neuron');
    await vi.advanceTimersByTimeAsync(250);
    store.getState().setPlaybackStep(3);
    await vi.advanceTimersByTimeAsync(250);
    expect(store.getState().lessonCheck.tries).toBe(2);
    // A run finishing is not a try.
    store.getState().setRun({ status: 'done' });
    await vi.advanceTimersByTimeAsync(250);
    expect(store.getState().lessonCheck.tries).toBe(2);
    goToStep(store, 1);
    await vi.advanceTimersByTimeAsync(250);
    expect(store.getState().lessonCheck).toEqual({ verdict: { done: false, feedback: expect.any(String) as unknown }, tries: 0 });
    stop();
  });

  it("never judges a step on the page as it was before the step's setup", async () => {
    const store = createStore();
    store.getState().setCenterView('chip');
    const stop = startTaskChecks(store, 200);
    // The step opens the spikes view and asks for the chip view: the chip view shown before does not count.
    startLesson(store, lesson, 'file', 0);
    await vi.advanceTimersByTimeAsync(500);
    expect(store.getState().centerView).toBe('spikes');
    expect(store.getState().lessonCheck.verdict?.done).toBe(false);
    expect(store.getState().lessonProgress['check-test']?.steps).toEqual([null, null]);
    stop();
  });

  it('skipping marks the step skipped, not done, and records the last step seen', async () => {
    const store = createStore();
    const stop = startTaskChecks(store, 200);
    startLesson(store, lesson, 'file', 0);
    skipStep(store);
    await vi.advanceTimersByTimeAsync(250);
    expect(store.getState().activeLesson?.step).toBe(1);
    expect(store.getState().lessonProgress['check-test']).toEqual({ steps: ['skipped', null], last: 1 });
    store.getState().recordLessonAction('figure:surrogate-slope');
    await vi.advanceTimersByTimeAsync(250);
    expect(store.getState().lessonProgress['check-test']?.steps).toEqual(['skipped', 'done']);
    stop();
  });
});
