import { EngineError } from '../errors.ts';
import { lowbias32 } from '../rng.ts';
import { W3_SIZES } from './w3.ts';

/**
 * A W3-like network, as plain data (it crosses to threads): `inputs` Poisson inputs onto
 * `neurons` LIF neurons, each pair connected with probability `p`, weights U(0.12). How the
 * synapses are drawn is `connectivity`, a key of CONNECTIVITIES.
 */
export interface W3Net {
  readonly connectivity: ConnectivityKind;
  readonly inputs: number;
  readonly neurons: number;
  readonly p: number;
}

/** Neurons [first, end) of a population. */
export interface NeuronRange {
  readonly first: number;
  readonly end: number;
}

/** Where one partition's synapses go: arrays of at least `partCapacity` entries (e.g. views of a wasm memory). */
export interface PartStorage {
  readonly rowStart: Uint32Array;
  readonly targets: Uint16Array;
  readonly weights: Float32Array;
}

/** Targets a 16-bit local index can address: the most neurons one partition may hold. */
export const MAX_PART_NEURONS = 65_536;

/** W3's weight scale (WORKLOADS.md: U(0.12; 6, k)). */
const WEIGHT_SCALE = 0.12;

// rng.ts's canonicalU and canonicalSymmetric with lowbias32(stream) hashed once per build, not
// once per draw: the same numbers for half the hashing.
/** u(stream, k) given key = lowbias32(stream). */
function uOf(key: number, k: number): number {
  return (lowbias32((k + key) >>> 0) >>> 8) / 16777216;
}
/** U(WEIGHT_SCALE; stream, k) given key = lowbias32(stream). */
function weightOf(key: number, k: number): number {
  return Math.fround((2 * uOf(key, k) - 1) * WEIGHT_SCALE);
}

/**
 * One way of drawing the synapses onto a range of targets, input by input (rows in input order,
 * targets ascending within a row), so that partitions built apart hold exactly the synapses of
 * the whole network. Returns how many synapses it wrote.
 */
interface Connectivity {
  readonly describe: string;
  build(net: W3Net, range: NeuronRange, out: PartStorage): number;
  /** Refuses a network this connectivity cannot draw, with the reason. */
  check(net: W3Net): void;
}

function capacityError(cap: number): EngineError {
  return new EngineError(`a W3 partition exceeds its ${cap} synapses (over six standard deviations above the mean)`);
}

/**
 * WORKLOADS.md W3 exactly: i → j iff u(5, i·N + j) < p, weight U(0.12; 6, i·N + j). Every pair is
 * hashed (10^8 for W3), so the counter i·N + j must fit 32 bits.
 */
const exact: Connectivity = {
  describe: 'WORKLOADS.md W3 (every pair hashed)',
  check(net) {
    if (net.inputs * net.neurons > 2 ** 32) throw new EngineError(`W3's exact connectivity hashes each pair with a 32-bit counter: ${net.inputs} × ${net.neurons} pairs do not fit; use the 'skip' connectivity`);
  },
  build(net, { first, end }, { rowStart, targets, weights }) {
    const cap = Math.min(targets.length, weights.length);
    const linkKey = lowbias32(5);
    const weightKey = lowbias32(6);
    let n = 0;
    for (let i = 0; i < net.inputs; i++) {
      rowStart[i] = n;
      const base = i * net.neurons;
      for (let j = first; j < end; j++) {
        const k = base + j;
        if (uOf(linkKey, k) >= net.p) continue;
        if (n === cap) throw capacityError(cap);
        targets[n] = j - first;
        weights[n] = weightOf(weightKey, k);
        n++;
      }
    }
    rowStart[net.inputs] = n;
    return n;
  },
};

/** Neurons per block of the skip connectivity: each block of a row draws its own gaps. */
export const SKIP_BLOCK = 1024;
/** Streams of the skip connectivity (gaps, weights): Spikelab's, next to WORKLOADS.md's 1–6. */
const SKIP_GAP_STREAM = 7;
const SKIP_WEIGHT_STREAM = 8;

/** Counters reserved per (row, block): a power of two far above the draws a block needs. */
function skipStride(p: number): number {
  const mean = SKIP_BLOCK * p;
  const need = mean + 1 + 12 * Math.sqrt(mean) + 16;
  return 2 ** Math.ceil(Math.log2(need));
}

/**
 * The same distribution without visiting every pair: in a row, the gaps between consecutive
 * targets of a Bernoulli(p) sequence are geometric, so each gap is drawn at once,
 * floor(ln(1 − u) / ln(1 − p)) with u from the counter-based generator. Each block of SKIP_BLOCK
 * targets of a row starts afresh (a Bernoulli sequence has no memory, so this changes nothing in
 * the distribution) with its own counters (row·blocks + block)·stride + d, so a partition draws
 * only the blocks it overlaps and any split gives the same synapses. Build cost is per synapse,
 * not per pair: 10^8 synapses instead of 10^10 hashes. u has 24 bits, so gaps beyond
 * ln(2^-24)/ln(1 − p) (1,650 at p = 0.01; blocks are shorter) are never drawn.
 */
const skip: Connectivity = {
  describe: 'geometric gaps (same distribution as W3, not its synapses)',
  check(net) {
    if (!(net.p > 0 && net.p < 1)) throw new EngineError(`the skip connectivity needs 0 < p < 1, got ${net.p}`);
    const blocks = Math.ceil(net.neurons / SKIP_BLOCK);
    const counters = net.inputs * blocks * skipStride(net.p);
    if (counters > 2 ** 32) throw new EngineError(`${net.inputs} × ${net.neurons} at p = ${net.p} needs ${counters.toExponential(2)} counters, more than the generator's 2^32`);
  },
  build(net, { first, end }, { rowStart, targets, weights }) {
    const cap = Math.min(targets.length, weights.length);
    const stride = skipStride(net.p);
    const blocks = Math.ceil(net.neurons / SKIP_BLOCK);
    const perLog = 1 / Math.log1p(-net.p);
    const b0 = Math.floor(first / SKIP_BLOCK);
    const b1 = Math.ceil(end / SKIP_BLOCK);
    const gapKey = lowbias32(SKIP_GAP_STREAM);
    const weightKey = lowbias32(SKIP_WEIGHT_STREAM);
    let n = 0;
    for (let i = 0; i < net.inputs; i++) {
      rowStart[i] = n;
      for (let b = b0; b < b1; b++) {
        const base = (i * blocks + b) * stride;
        const blockEnd = Math.min(net.neurons, (b + 1) * SKIP_BLOCK);
        let j = b * SKIP_BLOCK;
        for (let d = 0; ; d++) {
          if (d === stride) throw new EngineError(`row ${i} block ${b} drew ${stride} gaps without leaving the block`);
          j += Math.floor(Math.log1p(-uOf(gapKey, base + d)) * perLog);
          if (j >= blockEnd) break;
          if (j >= first && j < end) {
            if (n === cap) throw capacityError(cap);
            targets[n] = j - first;
            weights[n] = weightOf(weightKey, base + d);
            n++;
          }
          j++;
        }
      }
    }
    rowStart[net.inputs] = n;
    return n;
  },
};

/** The connectivities by name. */
export const CONNECTIVITIES = { exact, skip } as const;
export type ConnectivityKind = keyof typeof CONNECTIVITIES;

/**
 * The networks `spikelab bench --workload W3 --size` knows: W3 itself, and 100k neurons with 10^8
 * synapses. The 100k network keeps W3's statistics per neuron (about 1,000 synapses in and out,
 * about 20 input spikes per step at 2 %, so the same output rate) but draws its synapses with
 * the skip connectivity: hashing 10^10 pairs would take minutes and overflows the 32-bit counter.
 */
export const W3_NETS = {
  '10k': { connectivity: 'exact', inputs: W3_SIZES.inputs, neurons: W3_SIZES.neurons, p: W3_SIZES.p },
  '100k': { connectivity: 'skip', inputs: 100_000, neurons: 100_000, p: 0.01 },
} as const satisfies Record<string, W3Net>;
export type W3Size = keyof typeof W3_NETS;

/** Checks a network (clear error if its connectivity cannot draw it). */
export function checkNet(net: W3Net): void {
  if (!Number.isInteger(net.inputs) || !Number.isInteger(net.neurons) || net.inputs < 1 || net.neurons < 1) throw new EngineError(`a W3 network needs whole, positive sizes, got ${net.inputs} inputs and ${net.neurons} neurons`);
  const c = (CONNECTIVITIES as Record<string, Connectivity>)[net.connectivity];
  if (!c) throw new EngineError(`unknown W3 connectivity '${net.connectivity}'; choose ${Object.keys(CONNECTIVITIES).join(' or ')}`);
  c.check(net);
}

/**
 * Synapses to make room for in a partition of `width` targets: the mean plus six standard
 * deviations (the count is binomial), so the arrays are never outgrown and never copied.
 */
export function partCapacity(net: W3Net, width: number): number {
  const mean = net.inputs * width * net.p;
  return Math.ceil(mean + 6 * Math.sqrt(mean * (1 - net.p)) + 1024);
}

/** Writes the synapses of `net` onto the targets `range` into `out` (16-bit local targets); returns their count. */
export function buildPart(net: W3Net, range: NeuronRange, out: PartStorage): number {
  if (range.end - range.first > MAX_PART_NEURONS) throw new EngineError(`a partition holds at most ${MAX_PART_NEURONS} neurons (16-bit targets), got ${range.end - range.first}`);
  return CONNECTIVITIES[net.connectivity].build(net, range, out);
}

/** `count` contiguous ranges of near-equal size covering [range.first, range.end), none empty. */
export function splitRange(range: NeuronRange, count: number): NeuronRange[] {
  const width = range.end - range.first;
  const k = Math.max(1, Math.min(count, width));
  return Array.from({ length: k }, (_, q) => ({ first: range.first + Math.floor((q * width) / k), end: range.first + Math.floor(((q + 1) * width) / k) }));
}

/** The fewest near-equal partitions of `range` that 16-bit targets can address. */
export function partitionsOf(range: NeuronRange, atLeast = 1): NeuronRange[] {
  return splitRange(range, Math.max(atLeast, Math.ceil((range.end - range.first) / MAX_PART_NEURONS)));
}
