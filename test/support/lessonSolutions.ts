import { runPlayground } from '../../src/core/teach/playgroundRun.ts';
import type { PlaygroundSetup } from '../../src/core/teach/playgroundTypes.ts';
import type { LessonContext } from '../../src/core/teach/lessonTypes.ts';

/** The playground a first visit opens on (the same numbers as the UI's PLAYGROUND_DEFAULT). */
export const START_PLAYGROUND: PlaygroundSetup = {
  neuron: { model: 'lif', tauMemMs: 20, threshold: 1, reset: 'subtract', refractoryMs: 0 },
  input: { kind: 'step', amplitude: 0.08, startMs: 20, endMs: 80 },
  durationMs: 100,
  dtMs: 1,
  pair: null,
};

/** A page with nothing done: the start playground (really run), no workspace, no run, no mapping. */
export function blankContext(over: Partial<LessonContext> = {}): LessonContext {
  return { view: 'neuron', playground: playgroundPart(START_PLAYGROUND), workspace: null, run: null, playbackStep: null, testAccuracy: null, mapping: null, actions: [], ...over };
}

/** The playground part of a context as the page builds it: the setup run by the real core. */
export function playgroundPart(setup: PlaygroundSetup, cursor: number | null = null): LessonContext['playground'] {
  const run = runPlayground(setup);
  return { setup, spikeSteps: run.first.spikeSteps, secondSpikeSteps: run.second?.spikeSteps ?? null, cursor };
}
