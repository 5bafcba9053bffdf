import type { Shape } from '../network/shapes.ts';
import type { LayerSpec } from '../spec/network.ts';
import type { PopulationGraph, SynapseGroup } from './populations.ts';
import { filtersReached, windowGeometry } from './windowGeometry.ts';

/**
 * The network's connectivity as nets (hyperedges), the unit a chip routes: one spike of a source
 * is one packet to every core that holds a pin of its net. A dense projection is a single net
 * (every source reaches every target, so its pins are listed once, not once per source); a
 * convolution or pooling projection has one net per source neuron, whose pins are the outputs its
 * windows reach. Structural connectivity: a trained weight of exactly zero still counts as a synapse.
 */
export interface NetGraph {
  readonly graph: PopulationGraph;
  /** Mapped neurons (every population; the input layer is off-chip). */
  readonly neurons: number;
  /** First global neuron id of each population, and the total at the end. */
  readonly popOffset: Uint32Array;
  readonly popOf: Uint16Array;
  readonly nets: number;
  /** Source population of each net (-1 = input) and its range of source neurons (local ids). */
  readonly netSrcPop: Int32Array;
  readonly netSrcStart: Uint32Array;
  readonly netSrcCount: Uint32Array;
  /** Pins (global target ids) of net n: pins[netPinStart[n] … netPinStart[n+1]). */
  readonly netPinStart: Uint32Array;
  readonly pins: Uint32Array;
  /**
   * 1 where a pin's synapse belongs to a recurrent group: the spike is sent (and its synapses
   * accumulate it) in the step it is fired, but the target integrates it one step later.
   */
  readonly pinLate: Uint8Array;
  /** Nets entering neuron j: inNets[inStart[j] … inStart[j+1]). */
  readonly inStart: Uint32Array;
  readonly inNets: Uint32Array;
  /** Synapses into each neuron. */
  readonly fanIn: Uint32Array;
  /**
   * Bias words each neuron of a population stores (index = population): its weighted nodes' bias
   * values spread over its neurons (one per neuron for a biased dense or conv straight into it).
   */
  readonly biasWordsPerNeuron: Float64Array;
  /** Per source population (index q+1, q = -1 for the input): first net and whether it is one dense net. */
  readonly outNetBase: Int32Array;
  readonly outNetDense: Uint8Array;
  /** Synapses of the whole network. */
  readonly synapses: number;
}

/**
 * Weight-memory words neuron j occupies on its core: one per synapse plus its bias. Chip profiles
 * give a core one synapse memory (synapseBitsPerCore) and no separate bias memory, so a bias is
 * modelled as one more word at the weight precision (Loihi keeps a compartment's bias beside its
 * state; counting it with the synapses is the conservative reading). The partitioner, its
 * refinement and the per-core loads all count through here.
 */
export function storedWords(g: NetGraph, j: number): number {
  return (g.fanIn[j] as number) + (g.biasWordsPerNeuron[g.popOf[j] as number] as number);
}

/** The net a source neuron (population q, local id i) sends on, or -1 when nothing reads q. */
export function netOfSource(g: NetGraph, q: number, i: number): number {
  const base = g.outNetBase[q + 1] as number;
  if (base < 0) return -1;
  return g.outNetDense[q + 1] ? base : base + i;
}

/**
 * The positions of an [h, w, c] map a source reaches: every (y, x) of rows `ys` × columns `xs`
 * (sorted, distinct), channels c0…c1 (inclusive). Windows act on rows and columns separately, so
 * a chain of them keeps the set a product; a dilated window makes the rows and columns sparse.
 */
interface Reach {
  ys: readonly number[];
  xs: readonly number[];
  c0: number;
  c1: number;
}

/**
 * Outputs along one axis that inputs `at` reach: output o reads inputs o·s − p + d·t for taps
 * t = 0…k−1 (layerGeometry.ts), clipped to [0, m). Undilated, a run of inputs reaches a run of
 * outputs; dilated (d > 1), outputs d/s apart.
 */
function axisReach(at: readonly number[], k: number, s: number, d: number, p: number, m: number): number[] {
  const first = at[0] as number;
  const last = at[at.length - 1] as number;
  if (d === 1 && last - first + 1 === at.length) {
    // The common case, a run through an undilated window: the outputs whose span [o·s − p, o·s − p + k − 1] meets it.
    const lo = Math.max(0, Math.ceil((first + p - k + 1) / s));
    const hi = Math.min(m - 1, Math.floor((last + p) / s));
    return Array.from({ length: Math.max(0, hi - lo + 1) }, (_, i) => lo + i);
  }
  const out: number[] = [];
  for (const a of at)
    for (let t = 0; t < k; t++) {
      const os = a + p - d * t;
      if (os < 0) break;
      if (os % s === 0 && os / s < m) out.push(os / s);
    }
  out.sort((u, v) => u - v);
  return out.filter((o, i) => i === 0 || o !== out[i - 1]);
}

/** Pushes reached positions through one conv2d / pool2d / flatten layer; shape is the layer's input. */
function forwardReach(r: Reach, layer: LayerSpec, shape: Shape): { reach: Reach; shape: Shape } {
  if (layer.kind === 'flatten' || shape.length !== 3) return { reach: r, shape };
  const [h, w, c] = shape;
  if (layer.kind !== 'conv2d' && layer.kind !== 'pool2d') return { reach: r, shape };
  const g = windowGeometry(layer, h, w);
  const ys = axisReach(r.ys, g.kh, g.sh, g.dh, g.pads[0], g.outH);
  const xs = axisReach(r.xs, g.kw, g.sw, g.dw, g.pads[2], g.outW);
  if (layer.kind === 'pool2d') return { reach: { ys, xs, c0: r.c0, c1: r.c1 }, shape: [g.outH, g.outW, c] };
  // A grouped conv reaches only its group's filters; a reach spanning groups widens to all of them.
  const lo = filtersReached(layer, r.c0, c);
  const hi = filtersReached(layer, r.c1, c);
  return { reach: { ys, xs, c0: lo[0], c1: hi[1] }, shape: [g.outH, g.outW, layer.filters] };
}

/** The positions a source reaches through a chain of window layers, and the shape it lands in. */
function reach(index: number, inShape: Shape, ops: readonly LayerSpec[]): { reach: Reach; shape: Shape } {
  const [h, w, c] = inShape.length === 3 ? inShape : [1, 1, inShape[0]];
  const cc = index % c;
  const x = Math.floor(index / c) % w;
  const y = Math.floor(index / (c * w));
  let state: { reach: Reach; shape: Shape } = { reach: { ys: [y], xs: [x], c0: cc, c1: cc }, shape: inShape.length === 3 ? inShape : [h, w, c] };
  for (const op of ops) state = forwardReach(state.reach, op, state.shape);
  return state;
}

/** A synapse group with the population it feeds. */
interface Reader {
  readonly target: number;
  readonly group: SynapseGroup;
  readonly dense: boolean;
}

/** Builds the nets of a population graph (typed arrays throughout; a 100k-neuron conv net is a few million pins). */
export function buildNetGraph(graph: PopulationGraph): NetGraph {
  const pops = graph.populations;
  const popOffset = new Uint32Array(pops.length + 1);
  pops.forEach((p, i) => (popOffset[i + 1] = (popOffset[i] as number) + p.size));
  const neurons = popOffset[pops.length] as number;
  const popOf = new Uint16Array(neurons);
  pops.forEach((p, i) => popOf.fill(i, popOffset[i], popOffset[i + 1]));
  const sizeOf = (q: number) => (q < 0 ? graph.input.size : (pops[q] as (typeof pops)[number]).size);

  // Every synapse group reading each source (index q + 1): forward, skip and recurrent alike, since
  // a spike crosses the chip to every core any of them reaches.
  const readers: Reader[][] = Array.from({ length: pops.length + 1 }, () => []);
  pops.forEach((p, target) => {
    for (const group of p.groups) readers[group.from + 1]?.push({ target, group, dense: group.ops.some((op) => op.kind === 'dense') });
  });
  const outNetBase = new Int32Array(pops.length + 1).fill(-1);
  const outNetDense = new Uint8Array(pops.length + 1);
  // Pins of source i of one reader: every target neuron for a dense group, else what its windows reach.
  const eachPin = (r: Reader, i: number, visit: (j: number) => void) => {
    const off = popOffset[r.target] as number;
    const size = (pops[r.target] as (typeof pops)[number]).size;
    if (r.dense) {
      for (let j = 0; j < size; j++) visit(off + j);
      return;
    }
    const { reach: to, shape } = reach(i, r.group.inShape, r.group.ops);
    const [, w, c] = shape.length === 3 ? shape : [1, 1, shape[0]];
    for (const y of to.ys) for (const x of to.xs) for (let ch = to.c0; ch <= to.c1; ch++) visit(off + (y * w + x) * c + ch);
  };
  // Count nets and pins first so every array is allocated once. A source read only through dense
  // groups sends on one net (its pins listed once); otherwise each source neuron has its own.
  let nets = 0;
  let pinTotal = 0;
  for (let q = -1; q < pops.length; q++) {
    const rs = readers[q + 1] as Reader[];
    if (rs.length === 0) continue;
    const allDense = rs.every((r) => r.dense);
    outNetBase[q + 1] = nets;
    outNetDense[q + 1] = allDense ? 1 : 0;
    if (allDense) {
      nets += 1;
      for (const r of rs) pinTotal += (pops[r.target] as (typeof pops)[number]).size;
    } else {
      const n = sizeOf(q);
      for (let i = 0; i < n; i++) for (const r of rs) eachPin(r, i, () => (pinTotal += 1));
      nets += n;
    }
  }
  const netSrcPop = new Int32Array(nets);
  const netSrcStart = new Uint32Array(nets);
  const netSrcCount = new Uint32Array(nets);
  const netPinStart = new Uint32Array(nets + 1);
  const pins = new Uint32Array(pinTotal);
  const pinLate = new Uint8Array(pinTotal);
  const fanIn = new Uint32Array(neurons);
  let net = 0;
  let pin = 0;
  // A pin is one synapse: a target reached by two groups of one source holds two.
  let late = 0;
  const addPin = (j: number) => {
    pinLate[pin] = late;
    pins[pin++] = j;
    fanIn[j] = (fanIn[j] as number) + 1;
  };
  for (let q = -1; q < pops.length; q++) {
    const rs = readers[q + 1] as Reader[];
    if (rs.length === 0) continue;
    const nSrc = sizeOf(q);
    if (outNetDense[q + 1]) {
      netSrcPop[net] = q;
      netSrcStart[net] = 0;
      netSrcCount[net] = nSrc;
      netPinStart[net] = pin;
      for (const r of rs) eachPin(r, 0, (j) => {
        pinLate[pin] = r.group.recurrent ? 1 : 0;
        pins[pin++] = j;
        fanIn[j] = (fanIn[j] as number) + nSrc;
      });
      net += 1;
      netPinStart[net] = pin;
      continue;
    }
    for (let i = 0; i < nSrc; i++) {
      netSrcPop[net] = q;
      netSrcStart[net] = i;
      netSrcCount[net] = 1;
      netPinStart[net] = pin;
      for (const r of rs) {
        late = r.group.recurrent ? 1 : 0;
        eachPin(r, i, addPin);
      }
      net += 1;
      netPinStart[net] = pin;
    }
  }
  let synapses = 0;
  for (let j = 0; j < neurons; j++) synapses += fanIn[j] as number;
  // Nets entering each neuron, each once even when two groups of one source reach it.
  const last = new Int32Array(neurons).fill(-1);
  const inCount = new Uint32Array(neurons);
  for (let n = 0; n < nets; n++)
    for (let k = netPinStart[n] as number; k < (netPinStart[n + 1] as number); k++) {
      const j = pins[k] as number;
      if (last[j] !== n) {
        last[j] = n;
        inCount[j] = (inCount[j] as number) + 1;
      }
    }
  const inStart = new Uint32Array(neurons + 1);
  for (let j = 0; j < neurons; j++) inStart[j + 1] = (inStart[j] as number) + (inCount[j] as number);
  const inNets = new Uint32Array(inStart[neurons] as number);
  const fill = inStart.slice(0, neurons);
  last.fill(-1);
  for (let n = 0; n < nets; n++) {
    for (let k = netPinStart[n] as number; k < (netPinStart[n + 1] as number); k++) {
      const j = pins[k] as number;
      if (last[j] === n) continue;
      last[j] = n;
      inNets[fill[j]!++] = n;
    }
  }
  const biasWordsPerNeuron = Float64Array.from(pops, (p) => (p.size > 0 ? p.biases / p.size : 0));
  return { graph, neurons, popOffset, popOf, nets, netSrcPop, netSrcStart, netSrcCount, netPinStart, pins, pinLate, inStart, inNets, fanIn, biasWordsPerNeuron, outNetBase, outNetDense, synapses };
}
