// The one table from a Spikelab node to the PyTorch module text the export writes for it (the
// modules themselves are spikelab_snn.py, snnLibraryPy.ts). A node kind missing here is refused.

import type { LayerSpec } from '../../spec/network.ts';
import type { KernelModelName, TorchLayer } from './torchLayer.ts';

/** What each node kind becomes in the exported project; a kind not listed cannot be exported. */
export const TORCH_NODE_KINDS: Readonly<Partial<Record<LayerSpec['kind'], string>>> = {
  input: 'the encoded data (data.safetensors)',
  dense: 'Dense: I = x·W, W [inputs, units] as Spikelab stores it',
  conv2d: 'Conv: a conv2d of the channels-last input, W [k, k, inC, filters] as Spikelab stores it',
  pool2d: 'the pool of the spiking layer before it (sum or average)',
  flatten: 'nothing: activations stay flat in channels-last order, as in Spikelab',
  spiking: 'its neuron module (Leaky, Synaptic, Adaptive)',
  readout: 'Readout: a leaky membrane whose max, mean or last value is the logit',
};

/** A float32 value as a Python literal that rounds back to the same float32 (the shortest double). */
export const pyFloat = (v: number): string => {
  const f = Math.fround(v);
  if (!Number.isFinite(f)) throw new Error(`parameter ${v} is not finite`);
  const s = String(f);
  return /[.e]/.test(s) ? s : `${s}.0`;
};

const pyStr = (s: string): string => JSON.stringify(s);

/** Each kernel neuron update as the constructor of its module, from the layer's packed words. */
const NEURON_MODULES: Readonly<Record<KernelModelName, (l: TorchLayer) => string>> = {
  lif: (l) => `Leaky(beta=${pyFloat(l.params[0])}, threshold=${pyFloat(l.params[1])}, reset=${pyStr(l.reset)})`,
  cubaLif: (l) => `Synaptic(alpha=${pyFloat(l.params[2])}, beta=${pyFloat(l.params[0])}, threshold=${pyFloat(l.params[1])}, reset=${pyStr(l.reset)})`,
  alif: (l) => `Adaptive(beta=${pyFloat(l.params[0])}, threshold=${pyFloat(l.params[1])}, rho=${pyFloat(l.params[2])}, adaptation=${pyFloat(l.params[3])}, reset=${pyStr(l.reset)})`,
  readout: (l) => `Readout(beta=${pyFloat(l.params[0])})`,
};

/** The synapse module of a layer: its dense matrix or its conv. */
function synapseText(l: TorchLayer): string {
  const c = l.conv;
  if (!c) return `Dense(${pyStr(l.name)}, ${l.inputs}, ${l.units})`;
  return `Conv(${pyStr(l.name)}, in_hwc=(${c.inH}, ${c.inW}, ${c.inC}), k=${c.k}, stride=${c.stride}, pad_top=${c.padTop}, pad_left=${c.padLeft}, out_hw=(${c.outH}, ${c.outW}), filters=${c.filters})`;
}

/** The pool after a layer's spikes, or None. */
function poolText(l: TorchLayer): string {
  const p = l.pool;
  if (!p) return 'None';
  return `Pool(in_hwc=(${p.h}, ${p.w}, ${p.c}), size=${p.size}, stride=${p.stride}, out_hw=(${p.outH}, ${p.outW}), divisor=${p.divisor})`;
}

/** One `Layer(...)` of the generated network: synapse, loop, neurons and pool, with the Spikelab names. */
export function layerText(l: TorchLayer): string {
  const loop = l.loop ? `Recurrent(${pyStr(l.loop)}, ${l.units})` : 'None';
  return [
    `    Layer(  # ${l.name} → ${l.population}${l.loop ? ` (loop through ${l.loop})` : ''}`,
    `        synapse=${synapseText(l)},`,
    `        recurrent=${loop},`,
    `        neurons=${NEURON_MODULES[l.model](l)},`,
    `        pool=${poolText(l)},`,
    '    ),',
  ].join('\n');
}
