import { encodedWidth } from '../../encoders/schema.ts';
import { beatSourceHz } from '../datasets/beatEncoding.ts';
import { usesBeatWindows } from '../datasets/beatWindowRun.ts';
import { melSignal } from '../builtinSources.ts';
import { signalFromFile } from '../fileSources.ts';
import { signalFileSourceSchema } from '../sourceSchemas.ts';
import { HELD_STEP_MS } from '../stepLength.ts';
import { ecgInputWidth, ecgSignalInput, encodedSignalInput } from './signalInput.ts';
import type { DataSourceKind } from './types.ts';

/** A window of a dropped signal file (WFDB, EDF, WAV, CSV), optionally through the log-mel front end. */
export const signalFileSource: DataSourceKind<'signal-file'> = {
  kind: 'signal-file',
  schema: signalFileSourceSchema,
  inputWidth: (ws) => (ws.data.frontEnd === 'mel' && !usesBeatWindows(ws) ? encodedWidth(ws.encoder, ws.data.bands) : ecgInputWidth(ws, ws.data.channels, beatSourceHz(ws))),
  // Beat windows are held; otherwise the step is one sample (or mel frame) at the file's own rate.
  stepMs: (ws) => (usesBeatWindows(ws) ? HELD_STEP_MS : undefined),
  prepare: (ws, files) => {
    if (ws.data.frontEnd !== 'mel') return ecgSignalInput(ws, signalFromFile(ws.data, files));
    if (usesBeatWindows(ws)) return ecgSignalInput(ws, melSignal(signalFromFile(ws.data, files), ws.data.bands));
    const waveform = signalFromFile(ws.data, files);
    return encodedSignalInput(ws, melSignal(waveform, ws.data.bands), waveform);
  },
};
