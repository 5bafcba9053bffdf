import { DEFAULT_PRECISION, type SumPrecision } from '../spec/precision.ts';
import type { KernelSource } from '../engine/kernels/kernelModule.ts';
import { lifModel } from '../neurons/lif.ts';
import { toEventBatch } from '../engine/eventBatch.ts';
import { loadBpttKernel } from '../train/bptt/bpttKernel.ts';
import { createWasmBpttTrainer } from '../train/bptt/wasmBptt.ts';
import type { UpdateOptions } from '../train/bptt/bpttTrainerTypes.ts';
import { createParallelBpttTrainer, type BatchSlice, type BpttReply, type BpttRequest } from '../train/bptt/parallelBptt.ts';
import type { StartThread } from '../engine/split/threadChannel.ts';
import { slices } from '../engine/split/splitEngine.ts';
import { W1_SIZES, w1Input, w1Network, w2Labels } from './canonical.ts';
import type { W2Trainer } from './w2.ts';

/**
 * W2 of WORKLOADS.md on Spikelab's own BPTT kernel (WebAssembly SIMD, one thread): W1's network,
 * input and labels, fast-sigmoid 25, spike-count cross-entropy, Adam (1e-3, 0.9, 0.999, 1e-8).
 * The input's event lists are built once, as W2 trains on the same batch every step.
 */
export async function createW2WasmTrainer(source: KernelSource, parallel?: { readonly start: StartThread<BpttRequest, BpttReply>; readonly threads: number }, precision: SumPrecision = DEFAULT_PRECISION): Promise<W2Trainer & { weights(): Float32Array[] }> {
  const kernel = await loadBpttKernel(source);
  const net = w1Network();
  const { steps, batch, inputs, hidden, outputs } = W1_SIZES;
  const fc1 = net.weights['fc1'];
  const fc2 = net.weights['fc2'];
  if (!fc1 || !fc2) throw new Error('W1 weights missing');
  // W1's neurons (β 0.9, θ 1, reset by subtraction) as the LIF model packs them for the kernel.
  const neuron = lifModel.kernel?.({ model: 'lif', beta: 0.9, threshold: 1, reset: 'subtract', refractoryMs: 0 }, 1);
  if (neuron === undefined || typeof neuron === 'string') throw new Error(`the kernel cannot run W1's LIF neurons: ${neuron ?? 'no packing'}`);
  const layers = [
    { neuron, inputs, units: hidden, weights: fc1.values },
    { neuron, inputs: hidden, units: outputs, weights: fc2.values },
  ];
  const trainer = createWasmBpttTrainer(kernel, layers, steps, batch, 25, 'count', { precision });
  const update: UpdateOptions = { lr: 1e-3, optimizer: 'adam', momentum: 0, weightDecay: 0, clipNorm: 0, rateRegularization: 0 };
  const x = toEventBatch(w1Input().values, steps, batch, inputs);
  const labels = w2Labels();
  if (!parallel || parallel.threads < 2) {
    return {
      step: async () => trainer.step(x, labels, update).loss,
      weights: () => trainer.weights(),
      dispose: () => undefined,
    };
  }
  // The batch cut into near-equal contiguous slices, one per thread.
  const n = parallel.threads;
  const dense = w1Input().values;
  const parts: BatchSlice[] = slices(batch, n).map(({ start: from, batch: size }) => {
    const values = new Float32Array(steps * size * inputs);
    for (let t = 0; t < steps; t++) values.set(dense.subarray((t * batch + from) * inputs, (t * batch + from + size) * inputs), t * size * inputs);
    return { x: toEventBatch(values, steps, size, inputs), labels: labels.slice(from, from + size) };
  });
  const par = await createParallelBpttTrainer(trainer, parallel.start, n, { layers, steps, maxBatch: batch, slope: 25, reduce: 'count', precision });
  return {
    step: async () => (await par.step(parts, update)).loss,
    weights: () => trainer.weights(),
    dispose: () => par.dispose(),
  };
}
