import { encodedWidth } from '../../encoders/schema.ts';
import { createRng } from '../../rng.ts';
import { melFrameHz, melSignal, SYNTHETIC_AUDIO_HZ, syntheticAudioWaveform } from '../builtinSources.ts';
import { syntheticAudioSourceSchema } from '../sourceSchemas.ts';
import { signalStepMs } from '../stepLength.ts';
import { encodedSignalInput } from './signalInput.ts';
import type { DataSourceKind } from './types.ts';

/** The ten spoken digits, in label order. */
export const DIGIT_CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** Step of the built-in digits: one log-mel frame of the 8 kHz waveform. */
export const SYNTHETIC_AUDIO_STEP_MS = signalStepMs({ samplingHz: melFrameHz(SYNTHETIC_AUDIO_HZ) });

/** Built-in audio: a spoken-digit-like sweep through the log-mel front end, one step per frame. */
export const syntheticAudioSource: DataSourceKind<'synthetic-audio'> = {
  kind: 'synthetic-audio',
  schema: syntheticAudioSourceSchema,
  inputWidth: (ws) => encodedWidth(ws.encoder, ws.data.bands),
  stepMs: () => SYNTHETIC_AUDIO_STEP_MS,
  // The waveform is kept beside the cochleagram the network is fed, for the viewer.
  prepare: (ws) => {
    const waveform = syntheticAudioWaveform(ws.data, createRng(ws.seed, 'data'));
    return encodedSignalInput(ws, melSignal(waveform, ws.data.bands), waveform);
  },
  classes: { param: 'digit', values: DIGIT_CLASSES.map(Number) },
};
