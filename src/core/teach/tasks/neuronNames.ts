import { z } from 'zod';
import { NEURON_MODELS } from '../../neurons/index.ts';
import { byNearest, didYouMean } from '../lessonSpelling.ts';

/** A neuron model kind of the registry (neurons/index.ts); the message lists the kinds that exist. */
export const neuronKindSchema = z.string().refine((k) => Object.hasOwn(NEURON_MODELS, k), { error: (iss) => unknownName('neuron model', String(iss.input), Object.keys(NEURON_MODELS)) });

/** "unknown chip 'lohi'; did you mean 'loihi'? The chips are: loihi, …" (nearest first). */
export function unknownName(what: string, name: string, names: readonly string[]): string {
  return `unknown ${what} '${name}'; ${didYouMean(name, names)}the ${what}s are: ${byNearest(name, names).join(', ')}`;
}

/** A model's name as the page shows it: "Leaky integrate-and-fire (lif)". */
export function modelLabel(kind: string): string {
  const m = NEURON_MODELS[kind];
  return m ? `${m.label} (${kind})` : kind;
}
