import { CHAIN_KINDS, layerReason } from '../../network/graph.ts';
import { EngineError } from '../../errors.ts';
import { eventBatchProblem } from '../eventBatch.ts';
import { biasKey } from '../../network/weights.ts';
import { inferShapes, shapeSize } from '../../network/shapes.ts';
import { convGeometryOf, convWords, poolWindowOf, poolWords } from '../kernels/kernelGeometry.ts';
import { kernelModelKinds, neuronModel } from '../../neurons/index.ts';
import { KERNEL_RESETS, type KernelModel, type KernelNeuron } from '../../neurons/kernelNeuron.ts';
import type { LayerSpec, SpikingLayerSpec } from '../../spec/network.ts';
import type { KernelMemory } from '../kernels/kernelMemory.ts';
import type { KernelExports } from '../kernels/kernelModule.ts';
import type { CompiledNetwork, SimInput } from '../types.ts';
import { createWasmReadout, type WasmReadout } from './wasmReadout.ts';

/** One layer of a wasm run; pointers are byte offsets into the kernel memory. */
export type WasmOp =
  /** `copied`: whether a layer reads the dense values (not when the only reader takes the input's events). */
  | { readonly kind: 'input'; readonly index: number; readonly size: number; readonly values: number; readonly countedByNext: boolean; readonly copied: boolean }
  | { readonly kind: 'alias'; readonly index: number; readonly size: number; readonly values: number }
  | { readonly kind: 'dense'; readonly index: number; readonly size: number; readonly values: number; readonly from: number; readonly nIn: number; readonly weights: number; readonly countsInput: boolean; readonly bias: number; readonly events?: DenseEventSource }
  | { readonly kind: 'conv'; readonly index: number; readonly size: number; readonly values: number; readonly from: number; readonly nIn: number; readonly weights: number; readonly geom: number; readonly countsInput: boolean }
  | { readonly kind: 'pool'; readonly index: number; readonly size: number; readonly values: number; readonly from: number; readonly geom: number; readonly mode: number }
  /** `events`: where the layer lists its spikes per sample (lifBatchEvents), when only dense layers read it. */
  | { readonly kind: 'neurons'; readonly index: number; readonly size: number; readonly values: number; readonly from: number; readonly v: number; readonly beta: number; readonly theta: number; readonly reset: number; readonly events?: { readonly starts: number; readonly index: number } }
  | { readonly kind: 'readout'; readonly index: number; readonly size: number; readonly values: number; readonly from: number; readonly readout: WasmReadout }
  /** Sums a node's inputs into `values` (size·batch floats) in edge order: `sources` are their buffers (a recurrent one's kept copy). */
  | { readonly kind: 'gather'; readonly index: number; readonly size: number; readonly values: number; readonly sources: readonly number[] };

/**
 * Event lists a dense layer reads instead of scanning its input: SimInput.events copied in once
 * (starts for every step, `stepBytes` apart), or the lists its spiking input layer writes at each
 * step (stepBytes 0). `rows` is the dense layer's scratch for one sample's row addresses.
 */
export interface DenseEventSource {
  readonly starts: number;
  readonly stepBytes: number;
  readonly index: number;
  readonly rows: number;
}

/** At the end of each step, `n` floats of a recurrent source's output are copied from `from` to its kept copy `to`. */
export interface KeptOutput {
  readonly from: number;
  readonly to: number;
  readonly n: number;
}

/** Buffers of one run: the ops in layer order plus the scratch shared by all dense and conv layers. */
export interface WasmPlan {
  readonly ops: readonly WasmOp[];
  /** Outputs that recurrent edges read a step late. */
  readonly kept: readonly KeptOutput[];
  readonly events: number;
  /** Float64 scratch of the conv and pool sums. */
  readonly wide: number;
}

/** Pool modes of the kernel (assembly/convForward.ts). */
const POOL_MODE = { max: 0, avg: 1, sum: 2 } as const;

/** The kernel updates that lifBatch implements (assembly/neurons.ts: LIF, and IF as LIF with β = 1). */
const runsHere = (m: KernelModel) => m.inference;

/** A spiking layer's neurons as lifBatch runs them (the model's own packing), or why it cannot. */
function inferenceNeuron(spec: SpikingLayerSpec, dtMs: number): KernelNeuron | string {
  const packed = neuronModel(spec.neuron.model).kernel?.(spec.neuron, dtMs);
  if (packed === undefined || (typeof packed !== 'string' && !runsHere(packed.model))) return `layer '${spec.name}' has ${spec.neuron.model} neurons (only ${kernelModelKinds(runsHere)} are supported)`;
  return typeof packed === 'string' ? `layer '${spec.name}' ${packed}` : packed;
}

/** Node kinds the wasm engine runs: the chain's, and the sums and pass-throughs of a graph. */
const WASM_KINDS: ReadonlySet<LayerSpec['kind']> = new Set([...CHAIN_KINDS, 'sum', 'identity']);

/**
 * Why the wasm engine cannot run `net`, or undefined when it can. It runs graphs (skips, sums,
 * recurrent edges: an RSNN) of input, dense, conv2d, pool2d, flatten, sum, identity and readout
 * nodes with LIF (no refractory period) or IF neurons, dense nodes with or without a bias; other
 * node kinds, a conv2d's bias, windows other than square and 'same'/'valid', and other neuron
 * models are for the events or tfjs engines.
 */
export function wasmUnsupportedReason(net: CompiledNetwork, dtMs: number): string | undefined {
  const node = layerReason(net.spec, WASM_KINDS, true);
  if (node) return node;
  for (const l of net.spec.layers) {
    if (l.kind !== 'spiking') continue;
    const n = inferenceNeuron(l, dtMs);
    if (typeof n === 'string') return n;
  }
  return undefined;
}

/** lifBatch's β, θ and reset code for a layer. */
function neuronConstants(spec: SpikingLayerSpec, dtMs: number): { beta: number; theta: number; reset: number } {
  const n = inferenceNeuron(spec, dtMs);
  if (typeof n === 'string') throw new EngineError(`the wasm engine cannot run this network: ${n}`);
  return { beta: n.params[0], theta: n.params[1], reset: KERNEL_RESETS[n.reset] };
}

/**
 * Lays out every buffer of a run of `net` on `input` in the kernel memory and copies the weights
 * in. State buffers start at zero (the memory is reused between runs, so they are cleared here).
 */
export function buildWasmPlan(net: CompiledNetwork, input: SimInput, dtMs: number, mem: KernelMemory, k: KernelExports): WasmPlan {
  const reason = wasmUnsupportedReason(net, dtMs);
  if (reason) throw new EngineError(`the wasm engine cannot run this network: ${reason}; use the events engine`);
  const batch = input.batch;
  // The kernel reads raw memory: a short input would silently reuse the previous step's values.
  if (input.values.length !== input.steps * batch * input.neurons) {
    throw new EngineError(`the input holds ${input.values.length} values, not steps × batch × neurons = ${input.steps * batch * input.neurons}`);
  }
  const ops: WasmOp[] = [];
  /** Each node's own op (ops also holds the gathers before the nodes that sum several inputs). */
  const byNode: WasmOp[] = [];
  const copies: { at: number; data: Float32Array }[] = [];
  const zeros: { at: number; length: number }[] = [];
  const words: { at: number; data: Int32Array }[] = [];
  let scratch = 0;
  let wideBytes = 8;
  const { graph, inShapes } = inferShapes(net.spec);
  const sizeOf = (i: number) => shapeSize(net.shapes[i] ?? [1]);
  // A recurrent edge reads its source's output of the step before: a copy kept at each step's end
  // (zeros before the first), as the event engine keeps it, whatever the source's place in the list.
  const keptAt = new Map<number, number>();
  for (const src of graph.recurrentSources) {
    const n = sizeOf(src) * batch;
    const at = mem.alloc(n * 4);
    zeros.push({ at, length: n });
    keptAt.set(src, at);
  }
  // The dense or conv node that reads the input alone returns its sum: the input's count, without a second scan.
  const inputReader = graph.consumersOf[0]?.find((e) => !e.recurrent && graph.inputsOf[e.to]?.length === 1 && ['dense', 'conv2d'].includes(net.spec.layers[e.to]?.kind ?? ''))?.to ?? -1;
  // Spikes the caller holds as event lists feed a dense reader straight from them; the dense copy
  // of the input is then made only if another layer reads it too.
  // (A held input's lists hold its first step only: the dense values are read instead.)
  const inputEvents = input.events?.binary && !input.events.held && net.spec.layers[inputReader]?.kind === 'dense' ? input.events : undefined;
  const problem = inputEvents && eventBatchProblem(inputEvents, input.steps, batch, input.neurons);
  if (problem) throw new EngineError(problem);
  const eventBuffers = inputEvents ? { starts: mem.alloc(inputEvents.starts.length * 4), stepBytes: batch * 4, index: mem.alloc(Math.max(1, inputEvents.index.length) * 4), rows: mem.alloc(input.neurons * 4) } : undefined;
  // A spiking layer read only by dense layers (each its only input, same step) lists its spikes for them.
  const listsEvents = (i: number) => {
    const readers = graph.consumersOf[i] ?? [];
    return readers.length > 0 && readers.every((e) => !e.recurrent && net.spec.layers[e.to]?.kind === 'dense' && graph.inputsOf[e.to]?.length === 1);
  };
  const inputCopied = !inputEvents || (graph.consumersOf[0] ?? []).some((e) => e.to !== inputReader);
  net.spec.layers.forEach((spec, index) => {
    const size = sizeOf(index);
    if (spec.kind === 'input') {
      if (index !== 0 || size !== input.neurons) throw new EngineError(`the input has ${input.neurons} neurons per step but the input layer '${spec.name}' has ${size}`);
      ops.push({ kind: 'input', index, size, values: mem.alloc(size * batch * 4), countedByNext: inputReader > 0, copied: inputCopied });
      byNode[index] = ops[ops.length - 1] as WasmOp;
      return;
    }
    const edges = graph.inputsOf[index] ?? [];
    const single = edges.length === 1 && !edges[0]?.recurrent ? byNode[edges[0]?.from ?? -1] : undefined;
    const singleEvents = single?.kind === 'neurons' ? single.events : undefined;
    const nIn = shapeSize(inShapes[index] ?? [1]);
    let from: number;
    if (single) from = single.values;
    else {
      const sources = edges.map((e) => (e.recurrent ? keptAt.get(e.from) : byNode[e.from]?.values));
      if (edges.length === 0 || sources.some((p) => p === undefined)) throw new EngineError(`layer '${spec.name}' has no input`);
      from = mem.alloc(nIn * batch * 4);
      ops.push({ kind: 'gather', index, size: nIn, values: from, sources: sources as number[] });
    }
    const countsInput = index === inputReader;
    if (spec.kind === 'flatten' || spec.kind === 'identity' || spec.kind === 'sum') {
      ops.push({ kind: 'alias', index, size, values: from });
    } else if (spec.kind === 'dense') {
      const w = net.weights[spec.name]?.values;
      if (!w || w.length !== nIn * size) throw new EngineError(`layer '${spec.name}' needs ${nIn}×${size} weights, got ${w?.length ?? 'none'}`);
      const weights = mem.alloc(w.length * 4);
      copies.push({ at: weights, data: w });
      scratch = Math.max(scratch, k.denseScratchBytes(nIn, batch));
      const b = spec.bias ? net.weights[biasKey(spec.name)]?.values : undefined;
      if (spec.bias && b?.length !== size) throw new EngineError(`layer '${spec.name}' needs ${size} biases, got ${b?.length ?? 'none'}`);
      const bias = b ? mem.alloc(size * 4) : 0;
      if (b) copies.push({ at: bias, data: b });
      ops.push({ kind: 'dense', index, size, values: mem.alloc(size * batch * 4), from, nIn, weights, countsInput, bias, ...(countsInput && eventBuffers ? { events: eventBuffers } : singleEvents ? { events: { ...singleEvents, stepBytes: 0, rows: mem.alloc(nIn * 4) } } : {}) });
    } else if (spec.kind === 'conv2d' || spec.kind === 'pool2d') {
      const inShape = inShapes[index] as readonly [number, number, number];
      const geom = mem.alloc(10 * 4);
      wideBytes = Math.max(wideBytes, size * 8);
      const values = mem.alloc(size * batch * 4);
      if (spec.kind === 'pool2d') {
        words.push({ at: geom, data: poolWords(poolWindowOf(inShape, spec)) });
        ops.push({ kind: 'pool', index, size, values, from, geom, mode: POOL_MODE[spec.mode] });
      } else {
        const g = convGeometryOf(inShape, spec);
        const wt = net.weights[spec.name]?.values;
        const need = g.k * g.k * g.inC * g.filters;
        if (!wt || wt.length !== need) throw new EngineError(`layer '${spec.name}' needs ${need} weights, got ${wt?.length ?? 'none'}`);
        const weights = mem.alloc(wt.length * 4);
        copies.push({ at: weights, data: wt });
        words.push({ at: geom, data: convWords(g) });
        scratch = Math.max(scratch, k.convScratchBytes(nIn));
        ops.push({ kind: 'conv', index, size, values, from, nIn, weights, geom, countsInput });
      }
    } else if (spec.kind === 'spiking') {
      const v = mem.alloc(size * batch * 4);
      const values = mem.alloc(size * batch * 4);
      zeros.push({ at: v, length: size * batch }, { at: values, length: size * batch });
      const events = listsEvents(index) ? { starts: mem.alloc((batch + 1) * 4), index: mem.alloc(size * batch * 4) } : undefined;
      ops.push({ kind: 'neurons', index, size, values, from, v, ...neuronConstants(spec, dtMs), ...(events ? { events } : {}) });
    } else if (spec.kind === 'readout') {
      const values = mem.alloc(size * batch * 4);
      zeros.push({ at: values, length: size * batch });
      ops.push({ kind: 'readout', index, size, values, from, readout: createWasmReadout(spec, size, batch) });
    } else {
      throw new EngineError(`the wasm engine cannot run '${spec.name}' (${spec.kind})`);
    }
    byNode[index] = ops[ops.length - 1] as WasmOp;
  });
  const kept = [...keptAt].map(([src, to]) => ({ from: byNode[src]?.values ?? 0, to, n: sizeOf(src) * batch }));
  const events = mem.alloc(scratch);
  const wide = mem.alloc(wideBytes);
  // All allocations are done: the views below stay valid for the whole run.
  const f32 = mem.f32();
  for (const c of copies) f32.set(c.data, c.at >>> 2);
  const i32 = new Int32Array(f32.buffer, f32.byteOffset, f32.length);
  for (const g of words) i32.set(g.data, g.at >>> 2);
  for (const z of zeros) f32.fill(0, z.at >>> 2, (z.at >>> 2) + z.length);
  if (inputEvents && eventBuffers) {
    const u32 = new Uint32Array(f32.buffer, f32.byteOffset, f32.length);
    u32.set(inputEvents.starts, eventBuffers.starts >>> 2);
    u32.set(inputEvents.index, eventBuffers.index >>> 2);
  }
  return { ops, kept, events, wide };
}
