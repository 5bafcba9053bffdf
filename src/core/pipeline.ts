import { generateSyntheticEcg } from './data/synth/ecgSynth.ts';
import type { Signal } from './data/signal.ts';
import { encodeSignal } from './encoders/index.ts';
import type { CompiledNetwork, Engine, SimInput, SimOptions, SimulationResult } from './engine/types.ts';
import { compileNetwork } from './network/compile.ts';
import type { NetworkWeights } from './network/weights.ts';
import { createRng } from './rng.ts';
import type { Workspace } from './spec/workspace.ts';

/** Everything a run of a workspace needs, prepared from the workspace alone (deterministic). */
export interface PreparedRun {
  readonly signal: Signal;
  /** Step length: one signal sample per step. */
  readonly dtMs: number;
  readonly input: SimInput;
  readonly network: CompiledNetwork;
}

/** Produces the workspace's signal: generated from its seed, or (issue #4) parsed from a file. */
export function loadSignal(ws: Workspace): Signal {
  switch (ws.data.kind) {
    case 'synthetic-ecg':
      return generateSyntheticEcg(ws.data, createRng(ws.seed, 'data'));
  }
}

/** Generates the signal, encodes it and compiles the network; same workspace => same bits. */
export function prepareRun(ws: Workspace, weights?: NetworkWeights): PreparedRun {
  const signal = loadSignal(ws);
  const encoded = encodeSignal(signal, ws.encoder, createRng(ws.seed, 'encoder'));
  const input: SimInput = { steps: encoded.steps, batch: 1, neurons: encoded.neurons, values: encoded.values };
  return { signal, dtMs: 1000 / signal.samplingHz, input, network: compileNetwork(ws.network, weights, ws.seed) };
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
