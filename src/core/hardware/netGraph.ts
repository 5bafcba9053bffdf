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

/** An index box of [h, w, c] positions: rows y0…y1, columns x0…x1, channels c0…c1 (inclusive). */
interface Box {
  y0: number;
  y1: number;
  x0: number;
  x1: number;
  c0: number;
  c1: number;
}

/** Outputs o of a strided window whose span [o·s − p, o·s − p + k − 1] meets [a, b], clipped to [0, m). */
function windowRange(a: number, b: number, k: number, s: number, p: number, m: number): [number, number] {
  const lo = Math.max(0, Math.ceil((a + p - k + 1) / s));
  const hi = Math.min(m - 1, Math.floor((b + p) / s));
  return [lo, hi];
}

/** Pushes a box of positions through one conv2d / pool2d / flatten layer; shape is the layer's input. */
function forwardBox(box: Box, layer: LayerSpec, shape: Shape): { box: Box; shape: Shape } {
  if (layer.kind === 'flatten' || shape.length !== 3) return { box, shape };
  const [h, w, c] = shape;
  if (layer.kind !== 'conv2d' && layer.kind !== 'pool2d') return { box, shape };
  const g = windowGeometry(layer, h, w);
  const [y0, y1] = windowRange(box.y0, box.y1, g.kh, g.sh, g.pads[0], g.outH);
  const [x0, x1] = windowRange(box.x0, box.x1, g.kw, g.sw, g.pads[2], g.outW);
  if (layer.kind === 'pool2d') return { box: { y0, y1, x0, x1, c0: box.c0, c1: box.c1 }, shape: [g.outH, g.outW, c] };
  // A grouped conv reaches only its group's filters; a box spanning groups widens to all of them.
  const lo = filtersReached(layer, box.c0, c);
  const hi = filtersReached(layer, box.c1, c);
  return { box: { y0, y1, x0, x1, c0: lo[0], c1: hi[1] }, shape: [g.outH, g.outW, layer.filters] };
}

/** The box a source reaches through a chain of window layers, and the shape it lands in. */
function reach(index: number, inShape: Shape, ops: readonly LayerSpec[]): { box: Box; shape: Shape } {
  const [h, w, c] = inShape.length === 3 ? inShape : [1, 1, inShape[0]];
  const cc = index % c;
  const x = Math.floor(index / c) % w;
  const y = Math.floor(index / (c * w));
  let state: { box: Box; shape: Shape } = { box: { y0: y, y1: y, x0: x, x1: x, c0: cc, c1: cc }, shape: inShape.length === 3 ? inShape : [h, w, c] };
  for (const op of ops) state = forwardBox(state.box, op, state.shape);
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
  // Pins of source i of one reader: every target neuron for a dense group, else its windows' box.
  const eachPin = (r: Reader, i: number, visit: (j: number) => void) => {
    const off = popOffset[r.target] as number;
    const size = (pops[r.target] as (typeof pops)[number]).size;
    if (r.dense) {
      for (let j = 0; j < size; j++) visit(off + j);
      return;
    }
    const { box, shape } = reach(i, r.group.inShape, r.group.ops);
    const [, w, c] = shape.length === 3 ? shape : [1, 1, shape[0]];
    for (let y = box.y0; y <= box.y1; y++)
      for (let x = box.x0; x <= box.x1; x++) for (let ch = box.c0; ch <= box.c1; ch++) visit(off + (y * w + x) * c + ch);
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
  const fanIn = new Uint32Array(neurons);
  let net = 0;
  let pin = 0;
  // A pin is one synapse: a target reached by two groups of one source holds two.
  const addPin = (j: number) => {
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
      for (const r of rs) eachPin(r, i, addPin);
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
  return { graph, neurons, popOffset, popOf, nets, netSrcPop, netSrcStart, netSrcCount, netPinStart, pins, inStart, inNets, fanIn, biasWordsPerNeuron, outNetBase, outNetDense, synapses };
}
