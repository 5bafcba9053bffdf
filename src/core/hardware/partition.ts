import type { Violation } from '../errors.ts';
import { limitOf, type ChipProfile } from './chipProfile.ts';
import { storedWords, type NetGraph } from './netGraph.ts';

/** Neurons assigned to clusters (one cluster = one core), in feed-forward order. */
export interface Partition {
  readonly coreOf: Int32Array;
  readonly clusters: number;
}

/** The per-core limits a partition must respect, with the weight precision chosen. */
export interface CoreLimits {
  readonly neurons: number;
  readonly synapseBits: number;
  readonly inAxons: number;
  readonly outAxons: number;
  readonly fanIn: number;
  readonly weightBits: number;
}

/** Limits of one core of a chip at a weight precision. */
export function coreLimits(chip: ChipProfile, weightBits: number): CoreLimits {
  return {
    neurons: chip.neuronsPerCore,
    synapseBits: limitOf(chip.synapseBitsPerCore),
    inAxons: limitOf(chip.inAxonsPerCore),
    outAxons: limitOf(chip.outAxonsPerCore),
    fanIn: limitOf(chip.fanInPerNeuron),
    weightBits,
  };
}

/** The precision used when the workspace does not choose: the chip's highest, at most 8 bits. */
export function defaultWeightBits(chip: ChipProfile): number {
  const fit = chip.weightBits.filter((b) => b <= 8);
  return fit.length > 0 ? Math.max(...fit) : Math.min(...chip.weightBits);
}

/**
 * Capacity-aware greedy partition (nengo-loihi `Greedy`, PACMAN's splitter): neurons in layer
 * order fill the current core until one more would break a limit (neurons, synapse memory, input
 * axons), then a new core opens. Layers stay contiguous; a convolutional layer is visited tile by
 * tile (see tiledOrder), so its cores hold compact patches. A neuron that does not fit an empty
 * core is still placed (alone) and reported.
 */
export function greedyPartition(ng: NetGraph, limits: CoreLimits, order: Uint32Array = tiledOrder(ng, limits)): { partition: Partition; violations: Violation[] } {
  const coreOf = new Int32Array(ng.neurons);
  const stamp = new Int32Array(ng.nets).fill(-1);
  const worst = new Map<string, Violation>();
  const note = (layer: string, constraint: string, limit: number, value: number, what: string, suggestions: string[]) => {
    const key = `${layer}:${constraint}`;
    const prev = worst.get(key);
    if (prev && prev.value >= value) return;
    worst.set(key, { layer, constraint, limit, value, severity: 'error', message: `layer '${layer}': one neuron needs ${value} ${what} but a core has ${limit} (${(value / limit).toFixed(2)}×)`, suggestions });
  };
  let core = 0;
  let n = 0;
  let bits = 0;
  let axons = 0;
  for (let o = 0; o < ng.neurons; o++) {
    const j = order[o] as number;
    const fan = ng.fanIn[j] as number;
    // The bias is stored with the synapses: a core full of synapses has no room for it.
    const needBits = storedWords(ng, j) * limits.weightBits;
    let newAxons = 0;
    for (let k = ng.inStart[j] as number; k < (ng.inStart[j + 1] as number); k++) {
      const net = ng.inNets[k] as number;
      if (stamp[net] !== core) newAxons += ng.netSrcCount[net] as number;
    }
    const fits = n + 1 <= limits.neurons && bits + needBits <= limits.synapseBits && axons + newAxons <= limits.inAxons;
    if (!fits && n > 0) {
      core += 1;
      n = 0;
      bits = 0;
      axons = 0;
      newAxons = fan; // every net of j is new on an empty core
    }
    const layer = ng.graph.populations[ng.popOf[j] as number]?.name ?? '?';
    if (fan > limits.fanIn) note(layer, 'fan_in', limits.fanIn, fan, 'inputs (fan-in)', ['split the layer before it into fewer inputs', 'add pooling before this layer', 'choose a chip with a larger fan-in']);
    if (needBits > limits.synapseBits) note(layer, 'synapse_memory', limits.synapseBits, needBits, `synapse bits at ${limits.weightBits}-bit weights`, ['lower the weight bits', 'fewer inputs to this layer', 'choose a chip with more synapse memory']);
    if (fan > limits.inAxons) note(layer, 'input_axons', limits.inAxons, fan, 'input axons', ['fewer inputs to this layer (pooling or a smaller layer before it)', 'choose a chip with more input axons per core']);
    for (let k = ng.inStart[j] as number; k < (ng.inStart[j + 1] as number); k++) stamp[ng.inNets[k] as number] = core;
    coreOf[j] = core;
    n += 1;
    bits += needBits;
    axons += newAxons;
  }
  return { partition: { coreOf, clusters: ng.neurons > 0 ? core + 1 : 0 }, violations: [...worst.values()] };
}

/**
 * Visiting order of the neurons: layer by layer; inside a layer of shape [h, w, c] fed by windows
 * (conv / pool), square-ish tiles of positions sized to what one core holds, all channels of a
 * position together. A tile's spikes reach fewer cores than a band of rows of the same size,
 * because its border (where windows straddle two cores) is shorter.
 */
export function tiledOrder(ng: NetGraph, limits: CoreLimits): Uint32Array {
  const order = new Uint32Array(ng.neurons);
  let k = 0;
  ng.graph.populations.forEach((p, pi) => {
    const off = ng.popOffset[pi] as number;
    const dense = p.groups.some((g) => ng.outNetDense[g.from + 1] === 1);
    if (p.shape.length !== 3 || dense) {
      for (let j = 0; j < p.size; j++) order[k++] = off + j;
      return;
    }
    const [h, w, c] = p.shape;
    // Positions one core can hold under the neuron and synapse limits (words of an inner neuron).
    let words = 0;
    for (let j = off; j < off + p.size; j++) words = Math.max(words, storedWords(ng, j));
    const perCore = Math.min(limits.neurons, words > 0 ? Math.floor(limits.synapseBits / (words * limits.weightBits)) : limits.neurons);
    const positions = Math.max(1, Math.floor(perCore / c));
    const tw = Math.max(1, Math.min(w, Math.floor(Math.sqrt(positions))));
    const th = Math.max(1, Math.min(h, Math.floor(positions / tw)));
    for (let ty = 0; ty < h; ty += th)
      for (let tx = 0; tx < w; tx += tw)
        for (let y = ty; y < Math.min(h, ty + th); y++)
          for (let x = tx; x < Math.min(w, tx + tw); x++) for (let ch = 0; ch < c; ch++) order[k++] = off + (y * w + x) * c + ch;
  });
  return order;
}
