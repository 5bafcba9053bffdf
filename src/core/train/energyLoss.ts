import * as tf from '@tensorflow/tfjs';
import type { ChipProfile } from '../hardware/chipProfile.ts';
import { inferShapes, shapeSize } from '../network/shapes.ts';
import { isConnectionKind, synapseFanOuts } from '../network/synapseFanOut.ts';
import type { NetworkWeights } from '../network/weights.ts';
import type { NetworkSpec } from '../spec/network.ts';

/**
 * What a sample costs on a chip as a function of the spikes training can change (NeuEdge's
 * hardware-aware training). Per spiking layer l, one spike costs the synaptic operations it
 * causes and turns its neuron's update from idle to active:
 *
 *   E = Σ_l spikes_l · (fanOut_l · E_synOp + E_active − E_idle) + Σ_l neurons_l · T · E_idle
 *
 * fanOut_l is the mean number of synapses one output of l drives (NeuroBench's per-input count,
 * synapseFanOut.ts, through any pooling, flatten, sum or delay nodes on the way). The input
 * layer's own synaptic operations are left out: no weight changes them. An estimate for the loss,
 * not the mapper's figure (which adds routing, static power and the per-neuron fan-out).
 */
export interface SpikeEnergyCosts {
  /** pJ per spike of each spiking layer, in network order (forward's layerSpikes order). */
  readonly perSpikePJ: readonly number[];
  /** pJ per sample that spikes do not change: every neuron's idle update at every step. */
  readonly fixedPJ: number;
  /** Mean synapses driven per spike, by spiking layer (for reports). */
  readonly fanOut: readonly number[];
}

const mean = (a: Float64Array): number => (a.length === 0 ? 0 : a.reduce((s, x) => s + x, 0) / a.length);

/** The per-spike and fixed costs of a network on a chip, for T steps per sample. */
export function spikeEnergyCosts(spec: NetworkSpec, weights: NetworkWeights, chip: ChipProfile, steps: number): SpikeEnergyCosts {
  const { graph, shapes } = inferShapes(spec);
  const fanOutOf = new Map(synapseFanOuts(spec, weights).map((f) => [f.layer, mean(f.all)]));
  // Synapses driven per unit of node i's output, following pass-through nodes (a pooled or
  // delayed spike still reaches the next connection once). A node is visited once per walk.
  const reach = (i: number, seen: Set<number>): number =>
    (graph.consumersOf[i] ?? []).reduce((sum, e) => {
      const to = spec.layers[e.to];
      if (!to || seen.has(e.to)) return sum;
      if (isConnectionKind(to.kind)) return sum + (fanOutOf.get(to.name) ?? 0);
      if (to.kind === 'spiking' || to.kind === 'readout') return sum;
      return sum + reach(e.to, new Set([...seen, e.to]));
    }, 0);
  const e = chip.energy;
  const perSpikePJ: number[] = [];
  const fanOut: number[] = [];
  let fixedPJ = 0;
  spec.layers.forEach((l, i) => {
    if (l.kind !== 'spiking') return;
    const f = reach(i, new Set([i]));
    fanOut.push(f);
    perSpikePJ.push(f * e.synOpPJ + Math.max(0, e.neuronActivePJ - e.neuronIdlePJ));
    fixedPJ += shapeSize(shapes[i] ?? [0]) * steps * e.neuronIdlePJ;
  });
  return { perSpikePJ, fixedPJ, fanOut };
}

/**
 * Estimated energy per sample in nJ, differentiable in the spikes: `layerSpikes` is forward's
 * [spiking layers] spike totals over a batch of `batch` samples. Its surrogate gradient pushes
 * spikes down hardest where a spike is dearest (high fan-out layers).
 */
export function spikeEnergyNJ(layerSpikes: tf.Tensor1D, costs: SpikeEnergyCosts, batch: number): tf.Scalar {
  if (costs.perSpikePJ.length === 0 || layerSpikes.size === 0) return tf.scalar(costs.fixedPJ / 1000);
  const dynamicPJ = tf.sum(tf.mul(layerSpikes, tf.tensor1d(Float32Array.from(costs.perSpikePJ))));
  return tf.add(tf.div(dynamicPJ, batch * 1000), costs.fixedPJ / 1000) as tf.Scalar;
}
