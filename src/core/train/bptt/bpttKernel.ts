import { loadKernel, type KernelSource } from '../../engine/kernels/kernelModule.ts';
import { EngineError } from '../../errors.ts';
import { LAYER_WORDS } from './bpttLayerWords.ts';

/** The exports of the kernel module that the BPTT trainer uses (assembly/bptt.ts). */
export interface BpttKernel {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  heapBase(): number;
  /** Words of a layer descriptor (bpttLayerWords.ts LAYER_WORDS). */
  bpttLayerWords(): number;
  /** A layer's forward pass; `layer` is its descriptor's byte offset. */
  bpttForward(layer: number): number;
  /** Step t of a layer's backward pass. */
  bpttBackwardStep(layer: number, t: number): void;
  /** A dense layer's gradient rows from the dm its backward steps kept (L_DM_ALL), after the pass. */
  bpttDenseGradients(layer: number): void;
  poolEvents(inStarts: number, inIndex: number, rows: number, geom: number, divisor: number, wide: number, outStarts: number, outIndex: number, outValue: number): number;
  unpoolGradient(geom: number, divisor: number, dPooled: number, nIn: number, out: number): void;
  adamUpdate(w: number, g: number, m: number, v: number, n: number, lr: number, beta1: number, beta2: number, eps: number, c1: number, c2: number): void;
}

const BPTT_FUNCTIONS = ['heapBase', 'bpttLayerWords', 'bpttForward', 'bpttBackwardStep', 'bpttDenseGradients', 'adamUpdate', 'poolEvents', 'unpoolGradient'] as const;

/**
 * A fresh instance of the kernel module (its own memory: one trainer per instance) with the BPTT
 * exports checked, so a stale build says so instead of failing inside a step.
 */
export async function loadBpttKernel(source: KernelSource): Promise<BpttKernel> {
  const { exports } = await loadKernel(source);
  const raw = exports as unknown as Record<string, unknown>;
  if (!BPTT_FUNCTIONS.every((f) => typeof raw[f] === 'function')) throw new EngineError(`the wasm kernel lacks the BPTT functions (${BPTT_FUNCTIONS.join(', ')}): rebuild it with \`npm run build:kernels\``);
  const kernel = raw as unknown as BpttKernel;
  // A kernel built from other sources reads other slots: every weight would be wrong, silently.
  if (kernel.bpttLayerWords() !== LAYER_WORDS) throw new EngineError(`the wasm kernel's BPTT layers have ${kernel.bpttLayerWords()} words, not ${LAYER_WORDS}: rebuild it with \`npm run build:kernels\``);
  return kernel;
}

