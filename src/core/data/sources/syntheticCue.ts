import { createRng } from '../../rng.ts';
import { syntheticCueSourceSchema } from '../sourceSchemas.ts';
import { HELD_STEP_MS } from '../stepLength.ts';
import { CUE_CLASSES, cueTaskSteps, cueTrial } from '../synth/cueSynth.ts';
import type { DataSourceKind } from './types.ts';

/**
 * Built-in delayed cue: one trial of the temporal-memory task, already spikes, fed as they are (no
 * encoder) one step per HELD_STEP_MS, so a neuron's β reads as a decay per step of the task.
 */
export const syntheticCueSource: DataSourceKind<'synthetic-cue'> = {
  kind: 'synthetic-cue',
  schema: syntheticCueSourceSchema,
  inputWidth: (ws) => 3 * ws.data.width,
  stepMs: () => HELD_STEP_MS,
  prepare: (ws) => {
    const d = ws.data;
    const values = cueTrial(d.cue, createRng(ws.seed, 'data'), d);
    const steps = cueTaskSteps(d);
    const neurons = 3 * d.width;
    const caption = `cue ${d.cue}: channel ${d.cue} pulsed ${d.delay}+ steps before the cue`;
    return { source: { kind: 'sample', caption, steps, neurons, values, own: true }, dtMs: HELD_STEP_MS, input: { steps, batch: 1, neurons, values } };
  },
  classes: { param: 'cue', values: CUE_CLASSES },
};
