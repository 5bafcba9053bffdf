import type { CompiledNetwork, SimInput } from '../../src/core/engine/types.ts';
import { compileNetwork } from '../../src/core/network/compile.ts';
import { networkSchema } from '../../src/core/spec/network.ts';

/**
 * A network on which the precision modes differ by construction: three inputs onto one IF neuron
 * (θ = 1) through weights 1, 2⁻²⁴, 2⁻²⁴. Float64 sums give 1 + 2⁻²³, which rounds to the float32
 * just above 1: the neuron fires. Float32 sums stay at 1 (each 2⁻²⁴ is half an ulp, rounded to
 * even): it does not. Every sample of the batch sees all three inputs at its one step.
 */
export function roundingProbe(batch: number): { readonly net: CompiledNetwork; readonly input: SimInput } {
  const spec = networkSchema.parse({
    layers: [
      { kind: 'input', name: 'in', shape: [3] },
      { kind: 'dense', name: 'fc', units: 1, weightGain: 1 },
      { kind: 'spiking', name: 'out', neuron: { model: 'if', threshold: 1, reset: 'zero' } },
    ],
  });
  const net = compileNetwork(spec, undefined, 1);
  (net.weights['fc']?.values as Float32Array).set([1, 2 ** -24, 2 ** -24]);
  return { net, input: { steps: 1, batch, neurons: 3, values: new Float32Array(3 * batch).fill(1) } };
}

/** Spikes of the probe's output layer in a result. */
export function probeSpikes(r: { readonly layers: readonly { readonly name: string; readonly spikeCount: number }[] }): number | undefined {
  return r.layers.find((l) => l.name === 'out')?.spikeCount;
}
