import { beforeAll, describe, expect, it } from 'vitest';
import { kernelBytes } from '../../../cli/kernelFile.ts';
import { createW2WasmTrainer } from '../../bench/w2Wasm.ts';
import { toEventBatch } from '../../engine/eventBatch.ts';
import { createDenseLifTrainer } from './denseLifBptt.ts';
import { kernelLayersOf, randomChain } from '../../../../test/support/bpttChains.ts';
import { loadBpttKernel } from './bpttKernel.ts';
import { createWasmBpttTrainer } from './wasmBptt.ts';
import type { KernelLayer } from './kernelLayer.ts';
import { compileNetwork } from '../../network/compile.ts';
import { networkSchema } from '../../spec/network.ts';
import { createEngine } from '../../engine/index.ts';

const ADAM = { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 };
// The real kernel, built from assembly/ on demand and loaded from its bytes.
let kernel: Uint8Array;
beforeAll(async () => {
  kernel = await kernelBytes();
}, 120_000);

describe('BPTT on the WebAssembly SIMD kernel', () => {
  it('W2: first loss 44.15788 and the third 29.78623, as PyTorch', async () => {
    const trainer = await createW2WasmTrainer(kernel);
    const losses = [await trainer.step(), await trainer.step(), await trainer.step()];
    expect(losses[0]).toBeCloseTo(44.15788, 4);
    expect(losses[2]).toBeCloseTo(29.78623, 4);
  });

  // Widths that do not fill a SIMD lane, real-valued and spike inputs, 1 to 3 layers, batch 1 to 5.
  for (const [seed, sizes, binary, steps, batch] of [
    [11, [13, 9, 5], true, 9, 3],
    [12, [7, 11, 6, 3], false, 5, 5],
    [13, [33, 17], false, 12, 1],
    [14, [40, 24, 10], true, 20, 4],
  ] as const) {
    it(`gives the reference's spikes, losses and weights over 3 steps (${sizes.join('-')}, T ${steps}, batch ${batch}, ${binary ? 'spikes' : 'real values'})`, async () => {
      const { layers, values, labels } = randomChain(seed, sizes, steps, batch, binary);
      const x = toEventBatch(values, steps, batch, sizes[0]);
      const refLayers = layers.map((l) => ({ ...l, weights: l.weights.slice() }));
      const reference = createDenseLifTrainer(refLayers, steps, batch, 25, ADAM);
      const fast = createWasmBpttTrainer(await loadBpttKernel(kernel), kernelLayersOf(layers), steps, batch, 25, 'count');
      for (let s = 0; s < 3; s++) {
        const a = reference.step(x, labels);
        const b = fast.step(x, labels, { ...ADAM, optimizer: 'adam', momentum: 0, weightDecay: 0, clipNorm: 0, rateRegularization: 0 });
        expect(b.spikes).toEqual(a.spikes);
        expect(b.loss).toBeCloseTo(a.loss, 5);
        expect([...b.logits]).toEqual([...a.counts]);
      }
      // Adam moved every weight by about lr per step; the two engines agree far inside that.
      fast.weights().forEach((w, i) => {
        const r = refLayers[i]?.weights ?? new Float32Array();
        expect(Math.max(...w.map((v, k) => Math.abs(v - (r[k] ?? NaN))))).toBeLessThan(1e-5);
        expect(Math.max(...w.map((v, k) => Math.abs(v - (layers[i]?.weights[k] ?? NaN))))).toBeGreaterThan(1e-4);
      });
      fast.gradients().forEach((g, i) => {
        const r = reference.gradients()[i] as Float32Array;
        const scale = Math.max(1e-6, ...r.map(Math.abs));
        expect(Math.max(...g.map((v, k) => Math.abs(v - (r[k] ?? NaN))))).toBeLessThan(1e-4 * scale);
      });
    });
  }

  it('sums the forward currents as the engines do in either precision mode (float32: one rounding per add)', async () => {
    const sizes = [60, 40, 12];
    const { layers, values } = randomChain(21, sizes, 30, 3, false);
    const x = toEventBatch(values, 30, 3, 60);
    const spec = networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [60] },
        ...layers.flatMap((l, i) => [
          { kind: 'dense', name: `fc${i}`, units: l.units, weightGain: 1 },
          { kind: 'spiking', name: `s${i}`, neuron: { model: 'lif', beta: l.beta, threshold: l.threshold, reset: 'subtract' } },
        ]),
      ],
    });
    const net = compileNetwork(spec, undefined, 1);
    layers.forEach((l, i) => net.weights[`fc${i}`]?.values.set(l.weights));
    const wasm = await createEngine('wasm', { kernel });
    for (const precision of ['float64', 'float32'] as const) {
      const trainer = createWasmBpttTrainer(await loadBpttKernel(kernel), kernelLayersOf(layers), 30, 3, 25, 'count', { precision });
      const sim = await wasm.simulate(net, { steps: 30, batch: 3, neurons: 60, values }, { dtMs: 1, precision, recordSpikes: false });
      expect(trainer.evaluate(x).spikes).toEqual(sim.layers.filter((l) => l.kind === 'spiking').map((l) => l.spikeCount));
    }
    // 1 + 2⁻²⁴ + 2⁻²⁴ at θ = 1: float64 sums cross the threshold, float32 sums stay on it.
    const tiny = [{ ...(kernelLayersOf([{ inputs: 3, units: 1, beta: 0.5, threshold: 1, weights: new Float32Array([1, 2 ** -24, 2 ** -24]) }])[0] as KernelLayer) }];
    const one = toEventBatch(new Float32Array([1, 1, 1]), 1, 1, 3);
    const spikesOf = async (precision: 'float64' | 'float32') => createWasmBpttTrainer(await loadBpttKernel(kernel), tiny, 1, 1, 25, 'count', { precision }).evaluate(one).spikes;
    expect(await spikesOf('float64')).toEqual([1]);
    expect(await spikesOf('float32')).toEqual([0]);
  });
});
