import { z } from 'zod';
import { lifModel, lifSchema } from './lif.ts';
import type { AnyNeuronModel } from './types.ts';

/**
 * The only neuron registry. Adding a model = one file, one line here (and in the schema union
 * below), one test file, and its tfjs step in engine/tfjs/tfNeuronSteps.ts.
 */
export const NEURON_MODELS: Readonly<Record<string, AnyNeuronModel>> = {
  lif: lifModel as unknown as AnyNeuronModel,
};

/** Spec of a spiking layer's neuron: `{model: 'lif', ...params}`, discriminated by `model`. */
export const neuronSpecSchema = z.discriminatedUnion('model', [lifSchema]);

/** A validated neuron spec with defaults filled in. */
export type NeuronSpec = z.output<typeof neuronSpecSchema>;

/** Looks up a model; an unknown kind lists the ones that exist. */
export function neuronModel(kind: string): AnyNeuronModel {
  const m = NEURON_MODELS[kind];
  if (!m) throw new Error(`unknown neuron model '${kind}'; supported: ${Object.keys(NEURON_MODELS).join(', ')}`);
  return m;
}
