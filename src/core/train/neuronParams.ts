import * as tf from '@tensorflow/tfjs';
import { LEARNABLE_PARAMS } from '../engine/tfjs/tfNeuronSteps.ts';
import { alifDecays, type AlifParams } from '../neurons/alif.ts';
import { cubaDecays, type CubaLifParams } from '../neurons/cubaLif.ts';
import { lifBeta, type LifParams } from '../neurons/lif.ts';
import type { LearnableParam } from '../neurons/tfTypes.ts';
import type { NetworkSpec, SpikingLayerSpec } from '../spec/network.ts';

/** Which neuron parameters a run learns (each a scalar per spiking layer). */
export interface TrainableNeuronParams {
  readonly decay: boolean;
  readonly threshold: boolean;
  readonly adaptation: boolean;
}

/** Learned neuron parameters of a run, by layer name, then parameter. */
export type NeuronParamValues = Readonly<Record<string, Readonly<Partial<Record<LearnableParam, number>>>>>;

/** Trainable neuron-parameter variables, by layer name, then parameter. */
export type NeuronVariables = Readonly<Record<string, Partial<Record<LearnableParam, tf.Variable>>>>;

const wanted = (t: TrainableNeuronParams, p: LearnableParam) => (p === 'beta' ? t.decay : t[p]);

/** The value a parameter has in the spec (a decay given as a time constant becomes a per-step factor). */
function initialValue(n: SpikingLayerSpec['neuron'], param: LearnableParam, dtMs: number): number {
  if (param === 'beta') {
    if (n.model === 'alif') return alifDecays(n as AlifParams, dtMs).beta;
    if (n.model === 'cubaLif') return cubaDecays(n as CubaLifParams, dtMs).beta;
    return lifBeta(n as LifParams, dtMs);
  }
  const v = (n as Record<string, unknown>)[param];
  return typeof v === 'number' ? v : param === 'adaptation' ? 0.2 : 1;
}

/** One scalar variable per learnable parameter of every spiking layer whose model has it. */
export function createNeuronVariables(spec: NetworkSpec, trainable: TrainableNeuronParams, dtMs: number, from?: NeuronParamValues): NeuronVariables {
  const out: Record<string, Partial<Record<LearnableParam, tf.Variable>>> = {};
  for (const l of spec.layers) {
    if (l.kind !== 'spiking') continue;
    const params = (LEARNABLE_PARAMS[l.neuron.model] ?? []).filter((p) => wanted(trainable, p));
    if (params.length === 0) continue;
    out[l.name] = Object.fromEntries(
      params.map((p) => {
        // tf.variable keeps its initial tensor alive: free it once the variable holds the value.
        const init = tf.scalar(from?.[l.name]?.[p] ?? initialValue(l.neuron, p, dtMs));
        const v = tf.variable(init, true);
        init.dispose();
        return [p, v];
      }),
    );
  }
  return out;
}

/** Every variable, for the optimiser and for disposal. */
export function neuronVariableList(vars: NeuronVariables): tf.Variable[] {
  return Object.values(vars).flatMap((v) => Object.values(v));
}

/** Keeps learned values physical after an update: a decay in (0, 1], thresholds > 0, adaptation ≥ 0. */
export function clampNeuronVariables(vars: NeuronVariables): void {
  tf.tidy(() => {
    for (const v of Object.values(vars)) {
      v.beta?.assign(tf.clipByValue(v.beta, 0.01, 1));
      v.threshold?.assign(tf.maximum(v.threshold, 0.01));
      v.adaptation?.assign(tf.maximum(v.adaptation, 0));
    }
  });
}

/** The current values (read back from the backend). */
export function neuronValues(vars: NeuronVariables): NeuronParamValues {
  return Object.fromEntries(Object.entries(vars).map(([layer, v]) => [layer, Object.fromEntries(Object.entries(v).map(([p, t]) => [p, Math.fround(t.dataSync()[0] ?? NaN)]))]));
}

/**
 * The network with learned values written into its neuron specs, so that every engine, the
 * mapper and a shared link use them: a learned decay replaces a time constant by its per-step
 * factor `beta`.
 */
export function withNeuronValues(spec: NetworkSpec, values: NeuronParamValues): NetworkSpec {
  return {
    ...spec,
    layers: spec.layers.map((l) => {
      const v = l.kind === 'spiking' ? values[l.name] : undefined;
      if (l.kind !== 'spiking' || !v) return l;
      const neuron: Record<string, unknown> = { ...l.neuron, ...v };
      if (v.beta !== undefined) delete neuron['tauMemMs'];
      return { ...l, neuron: neuron as SpikingLayerSpec['neuron'] };
    }),
  };
}
