import { melSignal, syntheticAudioWaveform, syntheticDvsEvents, syntheticEegSignal } from './data/builtinSources.ts';
import { eventsFromFile, eventsToInput, imageFromFile, signalFromFile, type FileResolver } from './data/fileSources.ts';
import type { EventRecord } from './data/formats/eventsRecord.ts';
import type { Signal } from './data/signal.ts';
import { generateSyntheticEcg } from './data/synth/ecgSynth.ts';
import { encodeSignal, encodeStatic } from './encoders/index.ts';
import type { CompiledNetwork, Engine, SimInput, SimOptions, SimulationResult } from './engine/types.ts';
import { compileNetwork } from './network/compile.ts';
import type { NetworkWeights } from './network/weights.ts';
import { createRng } from './rng.ts';
import { beatWindowRun, usesBeatWindows } from './data/datasets/beatWindowRun.ts';
import type { Workspace } from './spec/workspace.ts';
import { checkWorkspaceBudgets } from './spec/workspaceBudgets.ts';

/** What the network was fed: a sampled signal (then encoded) or camera events (fed directly). */
export type RunSource =
  | { readonly kind: 'signal'; readonly signal: Signal; readonly waveform?: Signal }
  | { readonly kind: 'events'; readonly events: EventRecord }
  | { readonly kind: 'image'; readonly width: number; readonly height: number; readonly pixels: Float32Array }
  /** One sample of a data set, as encoded for the network ([steps × neurons]), with what it is. */
  | { readonly kind: 'sample'; readonly caption: string; readonly steps: number; readonly neurons: number; readonly values: Float32Array }
  /** ECG beats cut from `signal`, each as the vector row the network was fed for `stepsPerBeat` steps. */
  | {
      readonly kind: 'beats';
      readonly signal: Signal;
      readonly vectors: Float32Array;
      readonly width: number;
      readonly beats: readonly { readonly sample: number; readonly symbol: string }[];
      readonly stepsPerBeat: number;
    };

/** Everything a run of a workspace needs, prepared from the workspace (and its files) alone. */
export interface PreparedRun {
  readonly source: RunSource;
  /** Step length: one signal sample, or `stepUs` of events, per step. */
  readonly dtMs: number;
  readonly input: SimInput;
  readonly network: CompiledNetwork;
}

/** Produces the workspace's signal: generated from its seed, or cut from a dropped file. */
export function loadSignal(ws: Workspace, files?: FileResolver): Signal {
  switch (ws.data.kind) {
    case 'synthetic-ecg':
      return generateSyntheticEcg(ws.data, createRng(ws.seed, 'data'));
    case 'synthetic-eeg':
      return syntheticEegSignal(ws.data, createRng(ws.seed, 'data'));
    case 'synthetic-audio':
      return melSignal(syntheticAudioWaveform(ws.data, createRng(ws.seed, 'data')), ws.data.bands);
    case 'signal-file':
      return ws.data.frontEnd === 'mel' ? melSignal(signalFromFile(ws.data, files), ws.data.bands) : signalFromFile(ws.data, files);
    case 'event-file':
    case 'synthetic-dvs':
    case 'image-file':
      throw new Error('an event or image source has no signal; use prepareRun');
  }
}

/** The workspace's input as the network is fed it: loaded (or generated) and encoded. */
export type PreparedInput = Omit<PreparedRun, 'network'>;

/** Loads and encodes the data and compiles the network; same workspace and files => same bits. */
export function prepareRun(ws: Workspace, weights?: NetworkWeights, files?: FileResolver): PreparedRun {
  return { ...prepareInput(ws, files), network: compileNetwork(ws.network, weights, ws.seed) };
}

/**
 * Loads (or generates) the workspace's data and encodes it; no network is built. Refuses a
 * workspace over its budgets (BudgetError) before generating anything; prepareRun relies on it.
 */
export function prepareInput(ws: Workspace, files?: FileResolver): PreparedInput {
  checkWorkspaceBudgets(ws);
  if (ws.data.kind === 'event-file') {
    const { events, t0 } = eventsFromFile(ws.data, files);
    const enc = eventsToInput(events, t0, ws.data);
    return { source: { kind: 'events', events }, dtMs: ws.data.stepUs / 1000, input: { ...enc, batch: 1 } };
  }
  if (ws.data.kind === 'synthetic-dvs') {
    const d = ws.data;
    const events = syntheticDvsEvents(d, createRng(ws.seed, 'data'));
    const enc = eventsToInput(events, 0, { width: d.width, height: d.height, downsample: 1, stepUs: d.stepUs, durationUs: d.durationMs * 1000 });
    return { source: { kind: 'events', events }, dtMs: d.stepUs / 1000, input: { ...enc, batch: 1 } };
  }
  if (ws.data.kind === 'image-file') {
    const img = imageFromFile(ws.data, files);
    const enc = encodeStatic(img.pixels, ws.data.steps, ws.encoder, createRng(ws.seed, 'encoder'));
    return { source: { kind: 'image', ...img }, dtMs: 1, input: { ...enc, batch: 1 } };
  }
  if (usesBeatWindows(ws) && (ws.data.kind === 'synthetic-ecg' || ws.data.kind === 'signal-file')) {
    const signal = loadSignal(ws, files);
    const { input, ...beats } = beatWindowRun(ws, signal, createRng(ws.seed, 'encoder'));
    return { source: { kind: 'beats', signal, ...beats }, dtMs: 1, input: { ...input, batch: 1 } };
  }
  // Audio keeps its waveform beside the cochleagram the network is fed, for the viewer.
  const waveform =
    ws.data.kind === 'synthetic-audio'
      ? syntheticAudioWaveform(ws.data, createRng(ws.seed, 'data'))
      : ws.data.kind === 'signal-file' && ws.data.frontEnd === 'mel'
        ? signalFromFile(ws.data, files)
        : undefined;
  const signal = waveform && (ws.data.kind === 'synthetic-audio' || ws.data.kind === 'signal-file') ? melSignal(waveform, ws.data.bands) : loadSignal(ws, files);
  const encoded = encodeSignal(signal, ws.encoder, createRng(ws.seed, 'encoder'));
  const input: SimInput = { steps: encoded.steps, batch: 1, neurons: encoded.neurons, values: encoded.values };
  return { source: waveform ? { kind: 'signal', signal, waveform } : { kind: 'signal', signal }, dtMs: 1000 / signal.samplingHz, input };
}

/** Runs a prepared workspace on an engine, recording what the workspace asks for. */
export function simulatePrepared(
  run: PreparedRun,
  engine: Engine,
  ws: Workspace,
  extra: Pick<SimOptions, 'signal' | 'onProgress'> = {},
): Promise<SimulationResult> {
  return engine.simulate(run.network, run.input, { dtMs: run.dtMs, membrane: ws.simulation.record.membrane, ...extra });
}
