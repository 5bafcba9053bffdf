// What a PyTorch export writes for a network: the BPTT kernel's own plan (train/kernelTraining.ts
// kernelPlan), read once, so the exported project trains exactly the networks Spikelab's kernel
// trains, with the same neuron packing (β, θ and the model's own words, float32), the same pools
// and the same read-out reduction. A network the kernel cannot train is refused, naming the node.

import { SpecError } from '../../errors.ts';
import { KERNEL_MODELS, type KernelNeuron } from '../../neurons/kernelNeuron.ts';
import { neuronModel } from '../../neurons/index.ts';
import type { NetworkSpec } from '../../spec/network.ts';
import type { TrainingConfig } from '../../spec/trainingConfig.ts';
import { kernelLoops } from '../../train/kernelLoops.ts';
import { kernelPlan } from '../../train/kernelTraining.ts';
import { TORCH_NODE_KINDS } from './torchModules.ts';
import type { KernelModelName, TorchLayer, TorchPlan } from './torchLayer.ts';

export type { KernelModelName, TorchLayer, TorchPlan } from './torchLayer.ts';

const modelName = (n: KernelNeuron): KernelModelName => {
  const found = (Object.keys(KERNEL_MODELS) as KernelModelName[]).find((k) => KERNEL_MODELS[k].id === n.model.id);
  if (!found) throw new Error(`kernel update ${n.model.id} has no name`);
  return found;
};

/** Refuses, naming the node, a network the export cannot write; the reason is the kernel's when the kinds are fine. */
function refuse(path: string, message: string): never {
  throw new SpecError([{ path, message: `cannot export to PyTorch: ${message}` }]);
}

/**
 * The plan of the export for a network and training configuration at step `dtMs`, or a SpecError
 * naming the node (and saying what the export writes) when the BPTT kernel cannot train it.
 */
export function torchPlan(spec: NetworkSpec, cfg: TrainingConfig, dtMs: number): TorchPlan {
  spec.layers.forEach((l, i) => {
    const kind = TORCH_NODE_KINDS[l.kind];
    if (!kind) refuse(`network.layers[${i}]`, `node '${l.name}' is a '${l.kind}' node; the export writes ${Object.keys(TORCH_NODE_KINDS).join(', ')} nodes (what Spikelab's BPTT kernel trains)`);
    if (l.kind === 'spiking') {
      const packed = neuronModel(l.neuron.model).kernel?.(l.neuron, dtMs);
      if (packed === undefined || (typeof packed !== 'string' && !packed.model.bptt)) refuse(`network.layers[${i}].neuron`, `node '${l.name}' has ${l.neuron.model} neurons, which Spikelab's BPTT kernel does not train (and so the export does not write)`);
      if (typeof packed === 'string') refuse(`network.layers[${i}].neuron`, `node '${l.name}' ${packed}`);
    }
  });
  const plan = kernelPlan(spec, cfg, dtMs);
  if (!plan.ok) refuse('network', plan.reason);
  const loops = kernelLoops(spec);
  if ('reason' in loops) refuse('network', loops.reason);
  const chain = loops.chain.layers;
  const input = chain[0];
  if (input?.kind !== 'input') refuse('network.layers[0]', 'the first node is not an input');
  const layers = plan.layers.map((l, i): TorchLayer => {
    const name = plan.names[i] ?? '';
    const at = chain.findIndex((c) => c.name === name);
    const population = chain[at + 1]?.name ?? '';
    const loop = plan.loopNames[i];
    return {
      name,
      population,
      ...(loop ? { loop } : {}),
      inputs: l.inputs,
      units: l.units,
      ...(l.conv ? { conv: l.conv } : {}),
      ...(l.pool ? { pool: l.pool } : {}),
      model: modelName(l.neuron),
      reset: l.neuron.reset,
      params: [...l.neuron.params].map((p) => Math.fround(p)) as unknown as TorchLayer['params'],
    };
  });
  return { inputShape: [...input.shape], layers, reduce: plan.reduce };
}
