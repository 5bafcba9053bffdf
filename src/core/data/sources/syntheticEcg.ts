import { createRng } from '../../rng.ts';
import { beatSourceHz } from '../datasets/beatEncoding.ts';
import { usesBeatWindows } from '../datasets/beatWindowRun.ts';
import { HELD_STEP_MS, signalStepMs } from '../stepLength.ts';
import { generateSyntheticEcg } from '../synth/ecgSynth.ts';
import { syntheticEcgSchema } from '../synth/ecgSchema.ts';
import { ecgInputWidth, ecgSignalInput } from './signalInput.ts';
import type { DataSourceKind } from './types.ts';

/** Built-in ECG: a seeded synthetic recording of `leads` leads, fed sample by sample or beat by beat. */
export const syntheticEcgSource: DataSourceKind<'synthetic-ecg'> = {
  kind: 'synthetic-ecg',
  schema: syntheticEcgSchema,
  inputWidth: (ws) => ecgInputWidth(ws, ws.data.leads, beatSourceHz(ws)),
  stepMs: (ws) => (usesBeatWindows(ws) ? HELD_STEP_MS : signalStepMs(ws.data)),
  prepare: (ws) => ecgSignalInput(ws, generateSyntheticEcg(ws.data, createRng(ws.seed, 'data'))),
};
