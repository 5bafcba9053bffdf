import { encodedWidth } from '../../encoders/schema.ts';
import { createRng } from '../../rng.ts';
import { syntheticEegSignal } from '../builtinSources.ts';
import { syntheticEegSourceSchema } from '../sourceSchemas.ts';
import { signalStepMs } from '../stepLength.ts';
import { EEG_CHANNELS, EEG_CLASSES } from '../synth/eegSynth.ts';
import { encodedSignalInput } from './signalInput.ts';
import type { DataSourceKind } from './types.ts';

/** Built-in EEG: one epoch of a band-power class over the 8-channel montage. */
export const syntheticEegSource: DataSourceKind<'synthetic-eeg'> = {
  kind: 'synthetic-eeg',
  schema: syntheticEegSourceSchema,
  inputWidth: (ws) => encodedWidth(ws.encoder, EEG_CHANNELS.length),
  stepMs: (ws) => signalStepMs(ws.data),
  prepare: (ws) => encodedSignalInput(ws, syntheticEegSignal(ws.data, createRng(ws.seed, 'data'))),
  classes: { param: 'eegClass', values: EEG_CLASSES },
};
