import { loadKernel, type KernelSource } from '../../engine/kernels/kernelModule.ts';
import { EngineError } from '../../errors.ts';

/** The exports of the kernel module that the BPTT trainer uses (assembly/bptt.ts). */
export interface BpttKernel {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  heapBase(): number;
  bpttForward(inStarts: number, inIndex: number, inValue: number, w: number, units: number, steps: number, batch: number, beta: number, theta: number, mem: number, outStarts: number, outIndex: number, cap: number, acc: number, mode: number, held: number, cache: number, geom: number, wide: number, alpha: number, syn: number, rho: number, adaptation: number, adapt: number, thMem: number): number;
  bpttBackwardStep(t: number, batch: number, units: number, nIn: number, beta: number, theta: number, slope: number, linear: number, dsBias: number, mem: number, dsAbove: number, dmNext: number, inStarts: number, inIndex: number, inValue: number, w: number, grad: number, dsBelow: number, held: number, dmSum: number, geom: number, alpha: number, diNext: number, thMem: number): void;
  poolEvents(inStarts: number, inIndex: number, rows: number, geom: number, divisor: number, wide: number, outStarts: number, outIndex: number, outValue: number): number;
  unpoolGradient(geom: number, divisor: number, dPooled: number, nIn: number, out: number): void;
  adamUpdate(w: number, g: number, m: number, v: number, n: number, lr: number, beta1: number, beta2: number, eps: number, c1: number, c2: number): void;
}

const BPTT_FUNCTIONS = ['heapBase', 'bpttForward', 'bpttBackwardStep', 'adamUpdate', 'poolEvents', 'unpoolGradient'] as const;

/**
 * A fresh instance of the kernel module (its own memory: one trainer per instance) with the BPTT
 * exports checked, so a stale build says so instead of failing inside a step.
 */
export async function loadBpttKernel(source: KernelSource): Promise<BpttKernel> {
  const { exports } = await loadKernel(source);
  const raw = exports as unknown as Record<string, unknown>;
  if (!BPTT_FUNCTIONS.every((f) => typeof raw[f] === 'function')) throw new EngineError(`the wasm kernel lacks the BPTT functions (${BPTT_FUNCTIONS.join(', ')}): rebuild it with \`npm run build:kernels\``);
  return raw as unknown as BpttKernel;
}

