import * as tf from '@tensorflow/tfjs';
import { EngineError } from '../../errors.ts';
import { NEURON_MODELS } from '../../neurons/index.ts';
import type { AlifParams } from '../../neurons/alif.ts';
import { alifTfStep } from '../../neurons/alif.tf.ts';
import type { CubaLifParams } from '../../neurons/cubaLif.ts';
import { cubaLifTfStep } from '../../neurons/cubaLif.tf.ts';
import type { IfParams } from '../../neurons/if.ts';
import { ifTfStep } from '../../neurons/if.tf.ts';
import type { InputAdaptiveParams } from '../../neurons/inputAdaptive.ts';
import { inputAdaptiveTfStep } from '../../neurons/inputAdaptive.tf.ts';
import type { IzhikevichParams } from '../../neurons/izhikevich.ts';
import { izhikevichTfStep } from '../../neurons/izhikevich.tf.ts';
import { lifTfStep } from '../../neurons/lif.tf.ts';
import type { LifParams } from '../../neurons/lif.ts';
import type { SsfParams } from '../../neurons/ssf.ts';
import { ssfTfStep } from '../../neurons/ssf.tf.ts';
import type { LearnableParam, LearnedParams, SpikeOps, TfState, TfStepResult } from '../../neurons/tfTypes.ts';
import type { StepContext } from '../../neurons/types.ts';

/** A tfjs neuron step with its parameter type erased (the registry validated the params). */
export type TfNeuronStep = (state: TfState, input: tf.Tensor, params: { readonly model: string }, ctx: StepContext, ops?: SpikeOps, learned?: LearnedParams) => TfStepResult;

/**
 * tfjs steps by model kind, mirroring neurons/index.ts. A step may return one of its input state
 * tensors unchanged (e.g. LIF's refractory counter when there is no refractory period); the
 * engine must not dispose a tensor that is still part of the new state.
 */
export const TF_NEURON_STEPS: Readonly<Record<string, TfNeuronStep>> = {
  lif: (s, x, p, c, o, l) => lifTfStep(s, x, p as LifParams, c, o, l),
  if: (s, x, p, _c, o, l) => ifTfStep(s, x, p as IfParams, o, l),
  cubaLif: (s, x, p, c, o, l) => cubaLifTfStep(s, x, p as CubaLifParams, c, o, l),
  alif: (s, x, p, c, o, l) => alifTfStep(s, x, p as AlifParams, c, o, l),
  ssf: (s, x, p, c, o, l) => ssfTfStep(s, x, p as SsfParams, c, o, l),
  izhikevich: (s, x, p, c) => izhikevichTfStep(s, x, p as IzhikevichParams, c),
  inputAdaptive: (s, x, p, c, o, l) => inputAdaptiveTfStep(s, x, p as InputAdaptiveParams, c, o, l),
};

/** Parameters each model can learn (Izhikevich's are not trained: its dynamics are not smooth). */
export const LEARNABLE_PARAMS: Readonly<Record<string, readonly LearnableParam[]>> = {
  lif: ['beta', 'threshold'],
  if: ['threshold'],
  cubaLif: ['beta', 'threshold'],
  alif: ['beta', 'threshold', 'adaptation'],
  ssf: ['threshold'],
  inputAdaptive: ['beta', 'threshold'],
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
