import type { Rng } from '../../rng.ts';

/**
 * A temporal-memory task (a delayed cue): channel A or channel B pulses once early in the trial;
 * then a long silence; then a cue on a third channel. The class is which channel pulsed, told at
 * the cue: by then a leaky neuron has forgotten the pulse (β^delay ≈ 0), so only a network that
 * keeps it in its state (a recurrent loop) still knows. Seeded, spike-valued: [steps × 3·width] in
 * channel groups A, B, cue of `width` neurons each, with sparse background noise. (The harder
 * variant, both channels pulsing and the class their order, reached 78 % in the same budget.)
 */
export const CUE_CLASSES = ['A', 'B'] as const;
export type CueClass = (typeof CUE_CLASSES)[number];

export interface CueTaskOptions {
  /** Neurons per channel group (A, B, cue). */
  readonly width: number;
  /** Steps from the last step a pulse may fall on (3) to the cue. */
  readonly delay: number;
  /** Background spike probability per neuron per step. */
  readonly noise: number;
}

export const CUE_TASK_DEFAULTS: CueTaskOptions = { width: 4, delay: 36, noise: 0.01 };

/** Steps of one trial: the pulse at step 1–3, the silence, the cue, one step after it. */
export const cueTaskSteps = (o: CueTaskOptions): number => 3 + o.delay + 2;

/** One trial of class `cls` as spikes [steps × 3·width]. */
export function cueTrial(cls: CueClass, rng: Rng, o: CueTaskOptions = CUE_TASK_DEFAULTS): Float32Array {
  const steps = cueTaskSteps(o);
  const n = 3 * o.width;
  const x = new Float32Array(steps * n);
  for (let i = 0; i < x.length; i++) if (rng.next() < o.noise) x[i] = 1;
  const at = 1 + rng.int(3);
  const pulse = (t: number, group: number) => {
    for (let j = 0; j < o.width; j++) x[t * n + group * o.width + j] = 1;
  };
  pulse(at, cls === 'A' ? 0 : 1);
  pulse(steps - 2, 2);
  return x;
}
