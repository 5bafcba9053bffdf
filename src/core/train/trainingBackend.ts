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
