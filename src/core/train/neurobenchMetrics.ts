import type { ActivityTally } from '../engine/activityTally.ts';
import type { CompiledNetwork } from '../engine/types.ts';
import { isConnectionKind, synapseFanOuts } from '../network/synapseFanOut.ts';
import type { NetworkWeights } from '../network/weights.ts';
import type { LayerSpec, NetworkSpec } from '../spec/network.ts';

/**
 * NeuroBench's metrics, computed as NeuroBench defines them (github.com/NeuroBench/neurobench,
 * snapshot e521c28, 2026-05; paper: Yik et al., "The neurobench framework for benchmarking
 * neuromorphic computing algorithms and systems", Nature Communications 16, 1545 (2025)):
 *
 * - footprint: metrics/static/footprint.py, Footprint — bytes of every parameter and buffer of the
 *   model, numel × element size. Ours: every weight, bias and scale vector at its stored precision
 *   (float32, 4 bytes; `weightBits` for weights quantised to fewer bits), and each numeric
 *   parameter of a node (a neuron model's threshold, decay or time constant…, a membrane read-out's
 *   β, a delay's steps) as one float32 scalar, as snnTorch registers beta and threshold as
 *   one-element buffers. Run state (membranes, a delay's ring) is not counted: NeuroBench measures
 *   the footprint before the workload runs, when snnTorch's `mem` buffer is empty.
 * - connection sparsity: metrics/static/connection_sparsity.py, ConnectionSparsity — zero weights
 *   over all weights of the connection layers (Linear, Conv: dense and conv2d here; biases are not
 *   counted). Not rounded (NeuroBench rounds to 4 decimals).
 * - activation sparsity: metrics/workload/activation_sparsity.py, ActivationSparsity — zero outputs
 *   over all outputs of the activation layers (snnTorch spiking neurons, ReLU: spiking and relu
 *   nodes here), summed over layers, steps and samples.
 * - synaptic operations: metrics/workload/synaptic_operations.py, SynapticOperations, with
 *   utils/layers/macs.py, single_layer_MACs — each connection layer's forward call (one per step
 *   of a sample) counts the pairs (input element, weight) of its binarised forward pass: Dense
 *   counts every pair (inputs and weights taken as 1), the effective count only pairs with a
 *   non-zero input and a non-zero weight. An effective count is ACs when the call's input is binary
 *   (every value −1, 0 or 1) and MACs otherwise. Biases are not operations. Totals are divided by
 *   the number of samples: figures are per sample, over all its steps.
 */
export interface NeurobenchMetrics {
  readonly footprintBytes: number;
  readonly connectionSparsity: number;
  readonly activationSparsity: number;
  readonly synapticOperations: { readonly dense: number; readonly effMacs: number; readonly effAcs: number };
}

/** Numeric parameters a node of each kind holds beside its weights (one float32 scalar each). */
const NODE_PARAMETERS: { readonly [K in LayerSpec['kind']]?: (l: Extract<LayerSpec, { kind: K }>) => number } = {
  // Every number of the neuron spec (defaults filled in) is a parameter; its model name and modes are code.
  spiking: (l) => Object.values(l.neuron).filter((v) => typeof v === 'number').length,
  readout: (l) => (l.mode === 'membrane' ? 1 : 0),
  delay: (l) => (Array.isArray(l.steps) ? l.steps.length : 1),
};

/** Bytes of a model (NeuroBench's footprint): weights at `weightBits` (default 32) plus node parameters at 4 bytes each. */
export function footprintBytes(spec: NetworkSpec, weights: NetworkWeights, weightBits = 32): number {
  if (!(Number.isInteger(weightBits) && weightBits >= 1 && weightBits <= 32)) throw new RangeError(`weightBits must be a whole number of bits in 1…32, got ${weightBits}`);
  let bits = 0;
  for (const w of Object.values(weights)) bits += w.values.length * weightBits;
  for (const l of spec.layers) {
    const count = NODE_PARAMETERS[l.kind] as ((l: LayerSpec) => number) | undefined;
    bits += (count?.(l) ?? 0) * 32;
  }
  return Math.ceil(bits / 8);
}

/** Zero weights over all weights of the connection layers (dense, conv2d); 0 when there are none. */
export function connectionSparsity(spec: NetworkSpec, weights: NetworkWeights): number {
  let zeros = 0;
  let all = 0;
  for (const l of spec.layers) {
    const w = isConnectionKind(l.kind) ? weights[l.name] : undefined;
    if (!w) continue;
    all += w.values.length;
    for (const v of w.values) if (v === 0) zeros++;
  }
  return all > 0 ? zeros / all : 0;
}

/** Zero outputs over all outputs of the activation layers, over every step and sample (0 before any run, as NeuroBench). */
export function activationSparsity(activity: ActivityTally): number {
  let active = 0;
  let all = 0;
  for (const a of activity.activations) {
    active += a.nonZero;
    all += a.neurons * activity.steps * activity.samples;
  }
  return all > 0 ? (all - active) / all : 0;
}

/** Dense, effective MAC and effective AC synaptic operations per sample (zeros before any run). */
export function synapticOperations(net: CompiledNetwork, activity: ActivityTally): NeurobenchMetrics['synapticOperations'] {
  if (activity.samples === 0) return { dense: 0, effMacs: 0, effAcs: 0 };
  const fanOuts = new Map(synapseFanOuts(net.spec, net.weights).map((f) => [f.layer, f]));
  let dense = 0;
  let macs = 0;
  let acs = 0;
  for (const t of activity.inputs) {
    const f = fanOuts.get(t.layer);
    if (!f) continue;
    for (let i = 0; i < f.inputs; i++) {
      dense += f.all[i] as number;
      acs += (t.binary[i] as number) * (f.effective[i] as number);
      macs += (t.real[i] as number) * (f.effective[i] as number);
    }
  }
  // Dense is the same at every step: all synapses of every layer, once per step.
  return { dense: dense * activity.steps, effMacs: macs / activity.samples, effAcs: acs / activity.samples };
}

/** All four of NeuroBench's metrics of a network and the activity of its scored samples. */
export function neurobenchMetrics(net: CompiledNetwork, activity: ActivityTally, weightBits = 32): NeurobenchMetrics {
  return {
    footprintBytes: footprintBytes(net.spec, net.weights, weightBits),
    connectionSparsity: connectionSparsity(net.spec, net.weights),
    activationSparsity: activationSparsity(activity),
    synapticOperations: synapticOperations(net, activity),
  };
}

/** The metrics under NeuroBench's names, as `eval --json` reports them beside its own. */
export function neurobenchJson(m: NeurobenchMetrics) {
  return {
    footprint_bytes: m.footprintBytes,
    connection_sparsity: m.connectionSparsity,
    activation_sparsity: m.activationSparsity,
    synaptic_operations: { dense: m.synapticOperations.dense, eff_macs: m.synapticOperations.effMacs, eff_acs: m.synapticOperations.effAcs },
  };
}

/** One line of text: "NeuroBench: footprint 9.4 kB, connection sparsity 0.000, …". */
export function formatNeurobench(m: NeurobenchMetrics): string {
  const ops = (v: number) => (v >= 1e6 ? `${(v / 1e6).toFixed(2)} M` : v >= 1e3 ? `${(v / 1e3).toFixed(1)} k` : v.toFixed(0));
  const s = m.synapticOperations;
  return `NeuroBench: footprint ${m.footprintBytes} bytes, connection sparsity ${m.connectionSparsity.toFixed(4)}, activation sparsity ${m.activationSparsity.toFixed(4)}, synaptic ops per sample: dense ${ops(s.dense)}, effective MACs ${ops(s.effMacs)}, effective ACs ${ops(s.effAcs)}`;
}
