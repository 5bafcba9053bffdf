import * as tf from '@tensorflow/tfjs';
import { EngineError } from '../../errors.ts';
import { NEURON_MODELS } from '../../neurons/index.ts';
import type { AlifParams } from '../../neurons/alif.ts';
import { alifTfStep } from '../../neurons/alif.tf.ts';
import type { CubaLifParams } from '../../neurons/cubaLif.ts';
import { cubaLifTfStep } from '../../neurons/cubaLif.tf.ts';
import type { IfParams } from '../../neurons/if.ts';
import { ifTfStep } from '../../neurons/if.tf.ts';
import type { IzhikevichParams } from '../../neurons/izhikevich.ts';
import { izhikevichTfStep } from '../../neurons/izhikevich.tf.ts';
import { lifTfStep } from '../../neurons/lif.tf.ts';
import type { LifParams } from '../../neurons/lif.ts';
import type { SsfParams } from '../../neurons/ssf.ts';
import { ssfTfStep } from '../../neurons/ssf.tf.ts';
import type { SpikeOps, TfState, TfStepResult } from '../../neurons/tfTypes.ts';
import type { StepContext } from '../../neurons/types.ts';

/** A tfjs neuron step with its parameter type erased (the registry validated the params). */
export type TfNeuronStep = (state: TfState, input: tf.Tensor, params: { readonly model: string }, ctx: StepContext, ops?: SpikeOps) => TfStepResult;

/**
 * tfjs steps by model kind, mirroring neurons/index.ts. A step may return one of its input state
 * tensors unchanged (e.g. LIF's refractory counter when there is no refractory period); the
 * engine must not dispose a tensor that is still part of the new state.
 */
export const TF_NEURON_STEPS: Readonly<Record<string, TfNeuronStep>> = {
  lif: (s, x, p, c, o) => lifTfStep(s, x, p as LifParams, c, o),
  if: (s, x, p, _c, o) => ifTfStep(s, x, p as IfParams, o),
  cubaLif: (s, x, p, c, o) => cubaLifTfStep(s, x, p as CubaLifParams, c, o),
  alif: (s, x, p, c, o) => alifTfStep(s, x, p as AlifParams, c, o),
  ssf: (s, x, p, c, o) => ssfTfStep(s, x, p as SsfParams, c, o),
  izhikevich: (s, x, p, c) => izhikevichTfStep(s, x, p as IzhikevichParams, c),
};

/** The tfjs step of a model, or an EngineError naming the models that have one. */
export function tfNeuronStep(kind: string): TfNeuronStep {
  const step = TF_NEURON_STEPS[kind];
  if (!step) throw new EngineError(`the tfjs engine has no step for neuron model '${kind}'; it has: ${Object.keys(TF_NEURON_STEPS).join(', ')}`);
  return step;
}

/**
 * Initial state on tfjs: the typed-array model's init, uploaded, so both engines start identically.
 * `shape` is [batch, ...layer shape].
 */
export function tfNeuronInit(kind: string, shape: readonly number[], params: { readonly model: string }): TfState {
  const model = NEURON_MODELS[kind];
  if (!model) throw new EngineError(`unknown neuron model '${kind}'`);
  const n = shape.reduce((a, b) => a * b, 1);
  const init = model.init(n, params);
  const out: Record<string, tf.Tensor> = {};
  for (const key of model.stateKeys) out[key] = tf.tensor(init[key] ?? new Float32Array(n), [...shape], 'float32');
  return out;
}
