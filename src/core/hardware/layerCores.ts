import { SpecError, type Violation } from '../errors.ts';
import { convDilation } from '../network/layerGeometry.ts';
import type { Shape } from '../network/shapes.ts';
import type { ChipProfile } from './chipProfile.ts';
import type { Population, PopulationGraph } from './populations.ts';
import { windowGeometry } from './windowGeometry.ts';

type LayerCores = NonNullable<ChipProfile['layerCores']>;

/** One convolution as a DYNAP-CNN core sees it (sinabs `DynapcnnLayer`); sides in pixels. */
export interface SpeckConvGeometry {
  readonly cIn: number;
  readonly filters: number;
  readonly kernelY: number;
  readonly kernelX: number;
  readonly inH: number;
  readonly inW: number;
  readonly padY: number;
  readonly padX: number;
  readonly strideY: number;
  readonly strideX: number;
}

/** Memory entries a layer needs in one core, and its neuron (conv output) map. */
export interface SpeckLayerMemory {
  readonly kernel: number;
  readonly neuron: number;
  readonly bias: number;
  readonly outH: number;
  readonly outW: number;
}

/** Smallest p with 2^p ≥ n (0 for n ≤ 1), in integers so exact powers of two never round up. */
function ceilLog2(n: number): number {
  let p = 0;
  while (2 ** p < n) p++;
  return p;
}

/**
 * Memory of one layer as the sinabs code computes it (`DynapcnnLayer.memory_summary`), which
 * rounds addresses to powers of two, unlike the docs' f·f_x·f_y:
 * K_MT = c·2^(⌈log2(k_x·k_y)⌉ + ⌈log2 f⌉), N_MT = f·2^(⌈log2 f_y⌉ + ⌈log2 f_x⌉), bias = f,
 * with f_x = ⌊(c_x − k_x + 2p_x)/s_x⌋ + 1. Bias is counted even though our layers have none: the
 * chip reserves it, and it never binds (1 Ki entries ≥ 1024 channels).
 */
export function speckLayerMemory(g: SpeckConvGeometry): SpeckLayerMemory {
  const outH = Math.floor((g.inH - g.kernelY + 2 * g.padY) / g.strideY) + 1;
  const outW = Math.floor((g.inW - g.kernelX + 2 * g.padX) / g.strideX) + 1;
  return {
    kernel: g.cIn * 2 ** (ceilLog2(g.kernelX * g.kernelY) + ceilLog2(g.filters)),
    neuron: g.filters * 2 ** (ceilLog2(outH) + ceilLog2(outW)),
    bias: g.filters,
    outH,
    outW,
  };
}

/** A population as one core layer: conv → IAF → sum-pool. */
export interface SpeckLayer extends SpeckConvGeometry {
  readonly population: number;
  readonly layer: string;
  /** Sum pooling of this layer's output on the way to its destination (1 = none). */
  readonly pool: number;
  readonly memory: SpeckLayerMemory;
  /** Cores this layer sends to (0 for the last layer, whose events go off chip). */
  readonly destinations: number;
}

/** The core layers of a network and what it breaks. `inputPool` is the DVS pre-processing pool. */
export interface SpeckDemands {
  readonly layers: SpeckLayer[];
  readonly inputPool: number;
  readonly violations: Violation[];
}

const SUGGEST: Readonly<Record<string, readonly string[]>> = {
  channels: ['use fewer channels or units in this layer', 'map onto another chip'],
  kernel_size: ['use a smaller kernel', 'pool or stride earlier so a dense layer sees a smaller map', 'map onto another chip'],
  kernel_square: ['flatten a square feature map before the dense layer', 'map onto another chip'],
  stride: ['use stride 1, 2, 4 or 8'],
  padding: ['use a smaller kernel with "same" padding, or "valid" padding'],
  input_side: ['pool the input (DVS pre-processing pools 1, 2 or 4)', 'use a larger stride in the layer before'],
  output_side: ['use a larger stride', 'pool before this layer', 'crop or downsample the input'],
  pool_size: ['pool by 1, 2 or 4'],
  pool_stride: ['give the pooling a stride equal to its size'],
  pool_mode: ['use sum or avg pooling (the chip sums events)'],
  kernel_memory: ['use fewer input channels or filters', 'use a smaller kernel', 'map onto another chip'],
  neuron_memory: ['use fewer filters', 'use a larger stride', 'pool before this layer', 'map onto another chip'],
  bias_memory: ['use fewer filters'],
  core_memory: ['shrink the layer so that kernel and neuron memory fit the same core', 'map onto another chip'],
  destinations: ['send each layer to at most two others'],
  cores: ['merge or remove layers', 'map onto another chip'],
  core_assignment: ['shrink the layers that compete for the large-kernel cores', 'map onto another chip'],
  layer_structure: ['put one conv2d (or flatten + dense) between spiking layers, with pooling only right after a spiking layer'],
  same_padding: ['use an odd kernel with "same" padding, or "valid" padding'],
  neuron_model: ["use the 'if' neuron model, which the chip implements"],
};

function violation(layer: string, constraint: string, limit: number, value: number, message: string, severity: Violation['severity'] = 'error'): Violation {
  return { layer, constraint, limit, value, severity, message, suggestions: SUGGEST[constraint] ?? ['map onto another chip'] };
}

function entries(n: number): string {
  return n % 1024 === 0 ? `${n / 1024} Ki` : String(n);
}

/** The chip's layer-core rules, or a SpecError naming the field when the profile has none. */
function layerCoresOf(chip: ChipProfile): LayerCores {
  if (!chip.layerCores) throw new SpecError([{ path: 'chip.layerCores', message: `chip '${chip.id}' has no layer-core rules` }]);
  return chip.layerCores;
}

function coreCount(lc: LayerCores): number {
  return Math.min(lc.kernelMemory.length, lc.neuronMemory.length);
}

/** Leading pool2d layers of a chain: their combined size, where the chain continues, and the shape after them. */
function leadingPool(pop: Population, owner: string, lc: LayerCores, out: Violation[]): { size: number; next: number; shape: Shape } {
  let size = 1;
  let shape = pop.inShape;
  let i = 0;
  for (let op = pop.ops[i]; op?.kind === 'pool2d' && shape.length === 3; op = pop.ops[++i]) {
    const g = windowGeometry(op, shape[0], shape[1]);
    const opSize = Math.max(g.kh, g.kw);
    if (g.kh !== g.kw) out.push(violation(owner, 'pool_square', g.kh, g.kw, `pooling ${op.name} is ${g.kh}×${g.kw}; the chip pools over square windows`));
    if (g.sh !== g.kh || g.sw !== g.kw) out.push(violation(owner, 'pool_stride', opSize, Math.max(g.sh, g.sw), `pooling ${op.name} has stride ${g.sh}×${g.sw}; the chip pools with stride = size (${g.kh}×${g.kw})`));
    if (op.mode === 'max') out.push(violation(owner, 'pool_mode', 0, 1, `pooling ${op.name} takes the max; the chip sums events (avg becomes sum)`, 'warning'));
    size *= opSize;
    shape = [g.outH, g.outW, shape[2]];
  }
  if (i > 0 && !lc.poolSizes.includes(size)) {
    out.push(violation(owner, 'pool_size', Math.max(...lc.poolSizes.filter((p) => p < size), 1), size, `pooling of ${size}×${size} before ${pop.name}; the chip pools by ${lc.poolSizes.join(', ')}`));
  }
  return { size, next: i, shape };
}

/** The conv a population's chain amounts to after its leading pools, or null when it is not one conv / one dense. */
function convOf(pop: Population, from: number, shape: Shape): { geometry: SpeckConvGeometry; netOut: readonly [number, number] } | null {
  const rest = pop.ops.slice(from);
  const [first, second] = rest;
  if (first?.kind === 'conv2d' && rest.length === 1 && shape.length === 3) {
    const [h, w, c] = shape;
    // The chip pads symmetrically: 'same' becomes floor(k/2) on every side, explicit padding its
    // top and left (checkLayer warns when the output then differs from the network's).
    const g = windowGeometry(first, h, w);
    const padY = first.padding === 'same' ? Math.floor(g.kh / 2) : g.pads[0];
    const padX = first.padding === 'same' ? Math.floor(g.kw / 2) : g.pads[2];
    const geometry = { cIn: c, filters: first.filters, kernelY: g.kh, kernelX: g.kw, inH: h, inW: w, padY, padX, strideY: g.sh, strideX: g.sw };
    return { geometry, netOut: [g.outH, g.outW] };
  }
  const dense = first?.kind === 'flatten' && rest.length === 2 ? second : rest.length === 1 ? first : undefined;
  if (dense?.kind !== 'dense') return null;
  // A dense layer is a conv whose kernel covers the whole input map (sinabs _convert_linear_to_conv).
  const [h, w, c] = shape.length === 3 ? shape : [1, 1, shape[0]];
  const geometry = { cIn: c, filters: dense.units, kernelY: h, kernelX: w, inH: h, inW: w, padY: 0, padX: 0, strideY: 1, strideX: 1 };
  return { geometry, netOut: [1, 1] };
}

/** Per-layer limits of one core layer (everything but memory placement). */
function checkLayer(l: SpeckLayer, pop: Population, netOut: readonly [number, number], lc: LayerCores, out: Violation[]): void {
  const name = l.layer;
  for (const [what, n] of [['input channels', l.cIn], ['filters', l.filters]] as const) {
    if (n > lc.maxChannels) out.push(violation(name, 'channels', lc.maxChannels, n, `${name} has ${n} ${what}; a core takes at most ${lc.maxChannels}`));
  }
  const k = Math.max(l.kernelY, l.kernelX);
  if (k > lc.maxKernel) out.push(violation(name, 'kernel_size', lc.maxKernel, k, `${name} needs a ${l.kernelY}×${l.kernelX} kernel; a core takes at most ${lc.maxKernel}×${lc.maxKernel}`));
  if (l.kernelY !== l.kernelX) out.push(violation(name, 'kernel_square', l.kernelY, l.kernelX, `${name} needs a ${l.kernelY}×${l.kernelX} kernel; the chip takes square kernels only`));
  if (!lc.strides.includes(l.strideY)) {
    const nearest = lc.strides.reduce((a, b) => (Math.abs(b - l.strideY) < Math.abs(a - l.strideY) ? b : a));
    out.push(violation(name, 'stride', nearest, l.strideY, `${name} has stride ${l.strideY}; the chip strides by ${lc.strides.join(', ')}`));
  }
  const pad = Math.max(l.padY, l.padX);
  if (pad > lc.maxPadding) out.push(violation(name, 'padding', lc.maxPadding, pad, `${name} needs padding ${pad}; a core pads at most ${lc.maxPadding}`));
  const inSide = Math.max(l.inH, l.inW);
  if (inSide > lc.maxInputSide) out.push(violation(name, 'input_side', lc.maxInputSide, inSide, `${name} reads a ${l.inH}×${l.inW} map; a core reads at most ${lc.maxInputSide}×${lc.maxInputSide}`));
  const outSide = Math.max(l.memory.outH, l.memory.outW);
  if (outSide > lc.maxOutputSide) out.push(violation(name, 'output_side', lc.maxOutputSide, outSide, `${name} makes a ${l.memory.outH}×${l.memory.outW} map; a core makes at most ${lc.maxOutputSide}×${lc.maxOutputSide}`));
  if (l.memory.outH !== netOut[0] || l.memory.outW !== netOut[1]) {
    out.push(violation(name, 'same_padding', netOut[0], l.memory.outH, `${name}: symmetric padding gives ${l.memory.outH}×${l.memory.outW} on the chip, the network has ${netOut[0]}×${netOut[1]}`, 'warning'));
  }
  if (l.destinations > lc.maxDestinations) out.push(violation(name, 'destinations', lc.maxDestinations, l.destinations, `${name} feeds ${l.destinations} layers; a core sends to at most ${lc.maxDestinations}`));
  if (pop.kind === 'spiking' && pop.model !== 'if') {
    out.push(violation(name, 'neuron_model', 0, 1, `${name} uses '${pop.model}' neurons; the chip's neurons integrate and fire (optionally with a constant leak)`, 'warning'));
  }
  const m = l.memory;
  const maxK = Math.max(...lc.kernelMemory);
  const maxN = Math.max(...lc.neuronMemory);
  if (m.kernel > maxK) out.push(violation(name, 'kernel_memory', maxK, m.kernel, `${name} needs ${entries(m.kernel)} kernel memory entries; the largest core has ${entries(maxK)}`));
  if (m.neuron > maxN) out.push(violation(name, 'neuron_memory', maxN, m.neuron, `${name} needs ${entries(m.neuron)} neuron memory entries; the largest core has ${entries(maxN)}`));
  if (m.bias > lc.biasMemory) out.push(violation(name, 'bias_memory', lc.biasMemory, m.bias, `${name} needs ${m.bias} bias entries; a core has ${lc.biasMemory}`));
  if (m.kernel <= maxK && m.neuron <= maxN && feasibleCores(m, lc).length === 0) {
    const room = Math.max(0, ...lc.kernelMemory.filter((_, c) => (lc.neuronMemory[c] ?? 0) >= m.neuron));
    out.push(violation(name, 'core_memory', room, m.kernel, `${name} needs ${entries(m.kernel)} kernel and ${entries(m.neuron)} neuron entries; no single core has both (cores with that neuron memory have at most ${entries(room)} kernel entries)`));
  }
}

/** Cores whose kernel, neuron and bias memories all hold the layer (sinabs `LayerConstraints.fits`). */
function feasibleCores(m: SpeckLayerMemory, lc: LayerCores): number[] {
  const cores: number[] = [];
  for (let c = 0; c < coreCount(lc); c++) {
    if (m.kernel <= (lc.kernelMemory[c] ?? 0) && m.neuron <= (lc.neuronMemory[c] ?? 0) && m.bias <= lc.biasMemory) cores.push(c);
  }
  return cores;
}

/**
 * Splits a network into DYNAP-CNN core layers (one per population: [pool2d…] then conv2d, or
 * [pool2d…] [flatten] dense) and checks every per-layer limit. A pool2d leading a chain is the
 * previous layer's output pooling; before the first layer it is the DVS pre-processing.
 */
export function speckDemands(graph: PopulationGraph, chip: ChipProfile): SpeckDemands {
  const lc = layerCoresOf(chip);
  const violations: Violation[] = [];
  const pops = graph.populations;
  const pooled = pops.map((pop) => leadingPool(pop, pop.from < 0 ? graph.input.name : (pops[pop.from]?.name ?? pop.name), lc, violations));
  const layers: SpeckLayer[] = [];
  pops.forEach((pop, i) => {
    // A core reads one source layer through one kernel: sums of several groups, skips and loops have no place.
    if (pop.groups.length > 1) {
      const names = pop.groups.map((g) => `${g.from < 0 ? graph.input.name : (pops[g.from]?.name ?? '?')}${g.recurrent ? ' (t−1)' : ''}`);
      violations.push(violation(pop.name, 'layer_structure', 1, pop.groups.length, `${pop.name} sums ${pop.groups.length} synapse groups (from ${names.join(', ')}); a core runs one conv2d or dense layer from one source`));
      return;
    }
    if (pop.groups[0]?.recurrent) {
      violations.push(violation(pop.name, 'layer_structure', 0, 1, `${pop.name} reads a step late (a loop); the chip's layers feed forward only`));
      return;
    }
    const op = pop.ops.find((o) => o.kind === 'conv2d' && ((o.groups ?? 1) !== 1));
    if (op) {
      violations.push(violation(pop.name, 'layer_structure', 1, op.kind === 'conv2d' ? (op.groups ?? 1) : 1, `${op.name} is a grouped convolution; a core's kernel reads every input channel`));
      return;
    }
    // DYNAP-CNN kernels read adjacent pixels (sinabs converts dilation 1 only).
    const dilated = pop.ops.find((o) => o.kind === 'conv2d' && convDilation(o).some((d) => d !== 1));
    if (dilated?.kind === 'conv2d') {
      violations.push(violation(pop.name, 'layer_structure', 1, Math.max(...convDilation(dilated)), `${dilated.name} is a dilated convolution; a core's kernel reads adjacent pixels`));
      return;
    }
    const lead = pooled[i];
    const conv = lead ? convOf(pop, lead.next, lead.shape) : null;
    if (!lead || !conv) {
      const weighted = pop.ops.filter((op) => op.kind === 'dense' || op.kind === 'conv2d').length;
      violations.push(violation(pop.name, 'layer_structure', 1, weighted, `${pop.name} is fed by [${pop.ops.map((op) => op.kind).join(' → ')}]; a core runs one conv2d or dense layer, after optional pooling`));
      return;
    }
    const readers = pops.map((p, j) => ({ p, j })).filter(({ p }) => p.from === i);
    const pool = readers.length > 0 ? Math.max(...readers.map(({ j }) => pooled[j]?.size ?? 1)) : 1;
    const layer: SpeckLayer = { ...conv.geometry, population: i, layer: pop.name, pool, memory: speckLayerMemory(conv.geometry), destinations: readers.length };
    checkLayer(layer, pop, conv.netOut, lc, violations);
    layers.push(layer);
  });
  const cores = coreCount(lc);
  if (pops.length > cores) {
    const extra = pops.slice(cores).map((p) => p.name);
    violations.push(violation(extra[0] ?? '', 'cores', cores, pops.length, `the network has ${pops.length} layers (read-out included); the chip has ${cores} cores, so ${extra.join(', ')} do not fit`));
  }
  const first = pops.findIndex((p) => p.from < 0);
  const inputPool = first >= 0 ? (pooled[first]?.size ?? 1) : 1;
  return { layers, inputPool, violations };
}

/**
 * A core for every layer, each from its feasible list, no core used twice: maximum bipartite
 * matching by Edmonds–Karp (BFS augmenting paths, unit capacities) on source → layers → cores →
 * sink, as sinabs does. Layers with the fewest options are tried first and cores in `coreRank`
 * order (smallest first), so large cores stay free for the layers that need them. Null when no
 * complete assignment exists.
 */
export function assignLayerCores(feasible: readonly (readonly number[])[], coreCount: number, coreRank?: readonly number[]): number[] | null {
  const layers = feasible.length;
  const n = layers + coreCount + 2;
  const source = 0;
  const sink = n - 1;
  const cap = new Uint8Array(n * n);
  const adj: number[][] = Array.from({ length: n }, () => []);
  const link = (u: number, v: number): void => {
    cap[u * n + v] = 1;
    (adj[u] as number[]).push(v);
    (adj[v] as number[]).push(u);
  };
  const rank = (c: number): number => coreRank?.[c] ?? c;
  const order = feasible.map((_, l) => l).sort((a, b) => (feasible[a]?.length ?? 0) - (feasible[b]?.length ?? 0) || a - b);
  for (const l of order) link(source, 1 + l);
  feasible.forEach((cores, l) => {
    const valid = [...new Set(cores)].filter((c) => Number.isInteger(c) && c >= 0 && c < coreCount);
    for (const c of valid.sort((a, b) => rank(a) - rank(b) || a - b)) link(1 + l, 1 + layers + c);
  });
  for (let c = 0; c < coreCount; c++) link(1 + layers + c, sink);
  let flow = 0;
  const parent = new Int32Array(n);
  for (;;) {
    parent.fill(-1);
    parent[source] = source;
    const queue = [source];
    for (let q = 0; q < queue.length && parent[sink] === -1; q++) {
      const u = queue[q] as number;
      for (const v of adj[u] as number[]) {
        if (parent[v] === -1 && (cap[u * n + v] as number) > 0) {
          parent[v] = u;
          queue.push(v);
        }
      }
    }
    if (parent[sink] === -1) break;
    for (let v = sink; v !== source; v = parent[v] as number) {
      const u = parent[v] as number;
      cap[u * n + v] = (cap[u * n + v] as number) - 1;
      cap[v * n + u] = (cap[v * n + u] as number) + 1;
    }
    flow++;
  }
  if (flow < layers) return null;
  return feasible.map((_, l) => {
    for (let c = 0; c < coreCount; c++) if (cap[(1 + layers + c) * n + 1 + l] === 1) return c;
    return -1;
  });
}

/** Speck mapping: the core layers, the cores they can use and the one each got. */
export interface SpeckMapping {
  readonly layers: readonly (SpeckLayer & { readonly feasibleCores: readonly number[]; readonly core: number | null })[];
  readonly inputPool: number;
  readonly violations: readonly Violation[];
  readonly fits: boolean;
}

/** Checks the network against the layer-core rules and assigns each layer a core. */
export function mapSpeck(graph: PopulationGraph, chip: ChipProfile): SpeckMapping {
  const lc = layerCoresOf(chip);
  const { layers, inputPool, violations } = speckDemands(graph, chip);
  const cores = coreCount(lc);
  const feasible = layers.map((l) => feasibleCores(l.memory, lc));
  // Smallest kernel memory first (the scarce resource), then neuron memory.
  const byCapacity = Array.from({ length: cores }, (_, c) => c).sort(
    (a, b) => (lc.kernelMemory[a] ?? 0) - (lc.kernelMemory[b] ?? 0) || (lc.neuronMemory[a] ?? 0) - (lc.neuronMemory[b] ?? 0) || a - b,
  );
  const rank = new Array<number>(cores);
  byCapacity.forEach((c, r) => (rank[c] = r));
  let assignment: number[] | null = null;
  // Only match when every layer could go somewhere: otherwise the per-layer violations say why.
  if (layers.length <= cores && feasible.every((f) => f.length > 0)) {
    assignment = assignLayerCores(feasible, cores, rank);
    if (!assignment) {
      const lists = layers.map((l, i) => `${l.layer} (cores ${(feasible[i] ?? []).join(', ')})`).join(', ');
      const usable = new Set(feasible.flat()).size;
      violations.push(violation(layers[0]?.layer ?? '', 'core_assignment', usable, layers.length, `No valid mapping found: ${lists} cannot each get a core of their own`));
    }
  }
  const fits = assignment !== null && layers.length === graph.populations.length && !violations.some((v) => v.severity === 'error');
  return {
    layers: layers.map((l, i) => ({ ...l, feasibleCores: feasible[i] ?? [], core: assignment?.[i] ?? null })),
    inputPool,
    violations,
    fits,
  };
}
