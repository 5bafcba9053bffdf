import * as tf from '@tensorflow/tfjs';
import type { NetworkSpec } from '../spec/network.ts';

/** Kernels the backward pass of each layer kind needs beyond the forward ones. */
const BACKWARD_KERNELS: Readonly<Partial<Record<NetworkSpec['layers'][number]['kind'], readonly string[]>>> = {
  conv2d: ['Conv2DBackpropFilter', 'Conv2DBackpropInput'],
  pool2d: ['AvgPoolGrad', 'MaxPoolGrad'],
};

/**
 * Makes sure the active tfjs backend can take the gradients of this network: tfjs-wasm has no
 * convolution or pooling gradients, so a network with those trains on the plain-JavaScript 'cpu'
 * backend there (slower, exact). Returns the backend used and why.
 */
export async function ensureTrainableBackend(spec: NetworkSpec): Promise<{ backend: string; reason?: string }> {
  const backend = tf.getBackend();
  const missing = [...new Set(spec.layers.flatMap((l) => BACKWARD_KERNELS[l.kind] ?? []))].filter((k) => tf.getKernel(k, backend) === undefined);
  if (missing.length === 0) return { backend };
  await tf.setBackend('cpu');
  await tf.ready();
  return { backend: 'cpu', reason: `${backend} has no ${missing.join(', ')} kernel: training on cpu` };
}

/** An error of the WebGL backend itself (a shader that does not compile or link on this GPU, a lost context), not of the network. */
export function isWebglFailure(e: unknown): boolean {
  const text = e instanceof Error ? e.message : String(e);
  return /shader|webgl|context lost|CONTEXT_LOST/i.test(text);
}

/**
 * Runs a training on the current tfjs backend; when WebGL fails inside it (SwiftShader and some
 * GPUs refuse a shader a network needs), runs it once more from the start on the next backend
 * (wasm, else cpu) and says why, instead of ending the training with the GPU's message.
 * `onWebgl` tells whether WebGL is the backend in use (tfjs's own answer by default).
 */
export async function withWebglFallback<T>(train: () => Promise<T>, leave: () => Promise<string>, onWebgl: () => boolean = () => tf.getBackend() === 'webgl'): Promise<{ result: T; fellBack?: string }> {
  try {
    return { result: await train() };
  } catch (e) {
    if (!onWebgl() || !isWebglFailure(e)) throw e;
    const now = await leave();
    const why = e instanceof Error ? e.message : String(e);
    return { result: await train(), fellBack: `webgl failed on this network (${why.slice(0, 160)}), trained again on ${now}` };
  }
}
