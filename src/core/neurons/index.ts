import { z } from 'zod';
import { alifModel, alifSchema } from './alif.ts';
import { cubaLifModel, cubaLifSchema } from './cubaLif.ts';
import { ifModel, ifSchema } from './if.ts';
import { inputAdaptiveModel, inputAdaptiveSchema } from './inputAdaptive.ts';
import { izhikevichModel, izhikevichSchema } from './izhikevich.ts';
import { lifModel, lifSchema } from './lif.ts';
import { ssfModel, ssfSchema } from './ssf.ts';
import type { KernelModel } from './kernelNeuron.ts';
import type { AnyNeuronModel } from './types.ts';

/**
 * The only neuron registry. Adding a model = one file, one line here (and in the schema union
 * below), one test file, and its tfjs step in engine/tfjs/tfNeuronSteps.ts; for the wasm kernels,
 * its `kernel` packing and, when none of the kernel's updates fits, its update there
 * (neurons/kernelNeuron.ts).
 */
export const NEURON_MODELS: Readonly<Record<string, AnyNeuronModel>> = {
  lif: lifModel as unknown as AnyNeuronModel,
  if: ifModel as unknown as AnyNeuronModel,
  cubaLif: cubaLifModel as unknown as AnyNeuronModel,
  alif: alifModel as unknown as AnyNeuronModel,
  ssf: ssfModel as unknown as AnyNeuronModel,
  izhikevich: izhikevichModel as unknown as AnyNeuronModel,
  inputAdaptive: inputAdaptiveModel as unknown as AnyNeuronModel,
};

/** Spec of a spiking layer's neuron: `{model: 'lif', ...params}`, discriminated by `model`. */
export const neuronSpecSchema = z.discriminatedUnion('model', [lifSchema, ifSchema, cubaLifSchema, alifSchema, ssfSchema, izhikevichSchema, inputAdaptiveSchema]);

/** A validated neuron spec with defaults filled in. */
export type NeuronSpec = z.output<typeof neuronSpecSchema>;

/** Looks up a model; an unknown kind lists the ones that exist. */
export function neuronModel(kind: string): AnyNeuronModel {
  const m = NEURON_MODELS[kind];
  if (!m) throw new Error(`unknown neuron model '${kind}'; supported: ${Object.keys(NEURON_MODELS).join(', ')}`);
  return m;
}

/**
 * The kinds of the models that a kernel update runs (with their default parameters), as a
 * phrase for refusals: "lif and if". `runs` picks the updates a kernel implements.
 */
export function kernelModelKinds(runs: (m: KernelModel) => boolean): string {
  const kinds = Object.values(NEURON_MODELS).flatMap((m) => {
    const k = m.kernel?.(m.defaults, 1);
    return k !== undefined && typeof k !== 'string' && runs(k.model) ? [m.kind] : [];
  });
  return kinds.length < 2 ? kinds.join('') : `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]}`;
}
