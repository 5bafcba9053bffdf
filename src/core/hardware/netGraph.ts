import { convOutSide, padBefore, type Shape, windowOf } from '../network/shapes.ts';
import type { LayerSpec } from '../spec/network.ts';
import type { PopulationGraph } from './populations.ts';

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
  /** Per source population (index q+1, q = -1 for the input): first net and whether it is one dense net. */
  readonly outNetBase: Int32Array;
  readonly outNetDense: Uint8Array;
  /** Synapses of the whole network. */
  readonly synapses: number;
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
  const { k, stride: s, padding } = windowOf(layer);
  const oh = convOutSide(h, k, s, padding);
  const ow = convOutSide(w, k, s, padding);
  const [y0, y1] = windowRange(box.y0, box.y1, k, s, padBefore(h, k, s, padding), oh);
  const [x0, x1] = windowRange(box.x0, box.x1, k, s, padBefore(w, k, s, padding), ow);
  const channels = layer.kind === 'conv2d' ? layer.filters : c;
  const [c0, c1] = layer.kind === 'conv2d' ? [0, layer.filters - 1] : [box.c0, box.c1];
  return { box: { y0, y1, x0, x1, c0, c1 }, shape: [oh, ow, channels] };
}

/** Count of positions in a box (0 when empty). */
function boxSize(b: Box): number {
  if (b.y1 < b.y0 || b.x1 < b.x0 || b.c1 < b.c0) return 0;
  return (b.y1 - b.y0 + 1) * (b.x1 - b.x0 + 1) * (b.c1 - b.c0 + 1);
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

/** Builds the nets of a population graph (typed arrays throughout; a 100k-neuron conv net is a few million pins). */
export function buildNetGraph(graph: PopulationGraph): NetGraph {
  const pops = graph.populations;
  const popOffset = new Uint32Array(pops.length + 1);
  pops.forEach((p, i) => (popOffset[i + 1] = (popOffset[i] as number) + p.size));
  const neurons = popOffset[pops.length] as number;
  const popOf = new Uint16Array(neurons);
  pops.forEach((p, i) => popOf.fill(i, popOffset[i], popOffset[i + 1]));

  const outNetBase = new Int32Array(pops.length + 1).fill(-1);
  const outNetDense = new Uint8Array(pops.length + 1);
  const sizeOf = (q: number) => (q < 0 ? graph.input.size : (pops[q] as (typeof pops)[number]).size);
  // Count nets and pins first so every array is allocated once.
  let nets = 0;
  let pinTotal = 0;
  for (const p of pops) {
    const dense = p.ops.some((op) => op.kind === 'dense');
    outNetBase[p.from + 1] = nets;
    outNetDense[p.from + 1] = dense ? 1 : 0;
    if (dense) {
      nets += 1;
      pinTotal += p.size;
    } else {
      const n = sizeOf(p.from);
      for (let i = 0; i < n; i++) pinTotal += boxSize(reach(i, p.inShape, p.ops).box);
      nets += n;
    }
  }
  const netSrcPop = new Int32Array(nets);
  const netSrcStart = new Uint32Array(nets);
  const netSrcCount = new Uint32Array(nets);
  const netPinStart = new Uint32Array(nets + 1);
  const pins = new Uint32Array(pinTotal);
  const fanIn = new Uint32Array(neurons);
  const inCount = new Uint32Array(neurons);
  let net = 0;
  let pin = 0;
  let synapses = 0;
  pops.forEach((p, pi) => {
    const off = popOffset[pi] as number;
    const nSrc = sizeOf(p.from);
    if (outNetDense[p.from + 1]) {
      netSrcPop[net] = p.from;
      netSrcStart[net] = 0;
      netSrcCount[net] = nSrc;
      netPinStart[net] = pin;
      for (let j = 0; j < p.size; j++) {
        pins[pin++] = off + j;
        fanIn[off + j] = nSrc;
        inCount[off + j] = 1;
      }
      synapses += nSrc * p.size;
      net += 1;
      netPinStart[net] = pin;
      return;
    }
    for (let i = 0; i < nSrc; i++) {
      netSrcPop[net] = p.from;
      netSrcStart[net] = i;
      netSrcCount[net] = 1;
      netPinStart[net] = pin;
      const { box, shape } = reach(i, p.inShape, p.ops);
      const [, w, c] = shape.length === 3 ? shape : [1, 1, shape[0]];
      for (let y = box.y0; y <= box.y1; y++)
        for (let x = box.x0; x <= box.x1; x++)
          for (let ch = box.c0; ch <= box.c1; ch++) {
            const j = off + (y * w + x) * c + ch;
            pins[pin++] = j;
            fanIn[j] = (fanIn[j] as number) + 1;
            inCount[j] = (inCount[j] as number) + 1;
          }
      synapses += box.y1 >= box.y0 && box.x1 >= box.x0 && box.c1 >= box.c0 ? pin - (netPinStart[net] as number) : 0;
      net += 1;
      netPinStart[net] = pin;
    }
  });
  const inStart = new Uint32Array(neurons + 1);
  for (let j = 0; j < neurons; j++) inStart[j + 1] = (inStart[j] as number) + (inCount[j] as number);
  const inNets = new Uint32Array(inStart[neurons] as number);
  const fill = inStart.slice(0, neurons);
  for (let n = 0; n < nets; n++) {
    for (let k = netPinStart[n] as number; k < (netPinStart[n + 1] as number); k++) {
      const j = pins[k] as number;
      inNets[fill[j]!++] = n;
    }
  }
  return { graph, neurons, popOffset, popOf, nets, netSrcPop, netSrcStart, netSrcCount, netPinStart, pins, inStart, inNets, fanIn, outNetBase, outNetDense, synapses };
}
