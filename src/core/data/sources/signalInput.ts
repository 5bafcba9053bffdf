import { beatVectorWidth } from '../datasets/beatVector.ts';
import { beatWindowRun, usesBeatWindows } from '../datasets/beatWindowRun.ts';
import { encodeSignal } from '../../encoders/index.ts';
import { encodedWidth } from '../../encoders/schema.ts';
import { createRng } from '../../rng.ts';
import { ecgDataset } from '../../spec/trainingConfig.ts';
import type { Workspace } from '../../spec/workspace.ts';
import type { Signal } from '../signal.ts';
import { HELD_STEP_MS, signalStepMs } from '../stepLength.ts';
import type { PreparedInput } from './types.ts';

/** A signal through the workspace's encoder, one sample per step; `waveform` is kept for the viewer. */
export function encodedSignalInput(ws: Pick<Workspace, 'seed' | 'encoder'>, signal: Signal, waveform?: Signal): PreparedInput {
  const encoded = encodeSignal(signal, ws.encoder, createRng(ws.seed, 'encoder'));
  return {
    source: waveform ? { kind: 'signal', signal, waveform } : { kind: 'signal', signal },
    dtMs: signalStepMs(signal),
    input: { steps: encoded.steps, batch: 1, neurons: encoded.neurons, values: encoded.values },
  };
}

/** An ECG signal as the workspace feeds it: whole beat windows when it trains on them, else sample by sample. */
export function ecgSignalInput(ws: Workspace, signal: Signal): PreparedInput {
  if (!usesBeatWindows(ws)) return encodedSignalInput(ws, signal);
  const { input, ...beats } = beatWindowRun(ws, signal, createRng(ws.seed, 'encoder'));
  return { source: { kind: 'beats', signal, ...beats }, dtMs: HELD_STEP_MS, input: { ...input, batch: 1 } };
}

/** Input width of an ECG source: its `leads` channels encoded, or the beat vector at `hz` when it feeds beat windows. */
export function ecgInputWidth(ws: Pick<Workspace, 'encoder' | 'training'>, leads: number, hz: number): number {
  const beats = ecgDataset(ws.training);
  return encodedWidth(ws.encoder, beats?.input === 'window' ? beatVectorWidth(beats, hz) : leads);
}
