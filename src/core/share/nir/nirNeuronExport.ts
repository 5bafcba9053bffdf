import { cubaDecays, type CubaLifParams } from '../../neurons/cubaLif.ts';
import type { IfParams } from '../../neurons/if.ts';
import { lifBeta, type LifParams } from '../../neurons/lif.ts';
import type { NeuronSpec } from '../../neurons/index.ts';
import type { ReadoutLayerSpec } from '../../spec/network.ts';
import { NirError } from './nirError.ts';
import { filledTensor, type NirNode, type NirTensor } from './nirGraph.ts';

/**
 * Spikelab neurons and read-outs as NIR nodes.
 *
 * NIR states continuous-time equations and no time step; Spikelab runs discrete steps of Δt. We
 * choose NIR parameters so that the forward-Euler step of NIR's equation at Δt is exactly our step
 * (the convention of snnTorch's exporter, which reads them back the same way):
 *
 *   NIR LIF  τ·dv/dt = (v_leak − v) + R·I
 *   Euler    v[t] = (1 − Δt/τ)·v[t−1] + (Δt/τ)·v_leak + (Δt·R/τ)·I[t]
 *   ours     v[t] = β·v[t−1] + I[t]
 *   so       τ = Δt/(1 − β),  R = τ/Δt = 1/(1 − β),  v_leak = 0      (Δt and τ in seconds)
 *
 * CubaLIF adds τ_syn·dI/dt = −I + w_in·S, Euler I[t] = (1 − Δt/τ_syn)·I[t−1] + (Δt·w_in/τ_syn)·S[t];
 * ours i[t] = α·i[t−1] + S[t], so τ_syn = Δt/(1 − α) and w_in = τ_syn/Δt. The membrane then reads
 * the current of the same step, as snnTorch's `Synaptic` does.
 *
 * IF and the Integrator have no time constant; every library reads them per step,
 * v[t] = v[t−1] + R·I[t] (snnTorch's importer says so), so R = 1 is our IF and our count read-out.
 *
 * NIR resets to v_reset; it has no reset by subtraction. A layer that subtracts is written with
 * v_reset = 0 (how other tools will run it) and the caller is told; Spikelab's own importer
 * restores the subtraction from the node's metadata.
 */

const SUBTRACT_LOSS = 'resets by subtracting θ, which NIR cannot express: other tools will reset it to 0';

/** A neuron layer as NIR nodes: usually one, two for LIF without reset (LI + Threshold). */
export interface NeuronNodes {
  readonly nodes: readonly NirNode[];
  /** What the NIR form loses (reset by subtraction, refractory period), in plain sentences. */
  readonly losses: readonly string[];
}

/** NIR nodes of a spiking layer's neuron over a population of NIR shape `shape`, at step `dtMs`. */
export function neuronToNir(layer: string, neuron: NeuronSpec, shape: readonly number[], dtMs: number): NeuronNodes {
  const dt = dtMs / 1000;
  const all = (v: number) => filledTensor(shape, v);
  switch (neuron.model) {
    case 'lif':
      return lifNodes(neuron as LifParams, dt, dtMs, all);
    case 'if': {
      const p = neuron as IfParams;
      const losses = p.reset === 'subtract' ? [SUBTRACT_LOSS] : [];
      return { nodes: [{ type: 'IF', r: all(1), vThreshold: all(p.threshold), vReset: all(0) }], losses };
    }
    case 'cubaLif': {
      const p = neuron as CubaLifParams;
      const { alpha, beta } = cubaDecays(p, dtMs);
      if (alpha >= 1 || beta >= 1) throw new NirError(`layer '${layer}'`, 'a cubaLif neuron without decay (α or β = 1) has no NIR form');
      const tauSyn = dt / (1 - alpha);
      const tauMem = dt / (1 - beta);
      const node: NirNode = { type: 'CubaLIF', tauSyn: all(tauSyn), tauMem: all(tauMem), r: all(tauMem / dt), vLeak: all(0), vThreshold: all(p.threshold), vReset: all(0), wIn: all(tauSyn / dt) };
      return { nodes: [node], losses: [SUBTRACT_LOSS] };
    }
    default:
      throw new NirError(`layer '${layer}'`, `NIR has no node for the '${neuron.model}' neuron; NIR models LIF, CubaLIF and IF (use lif, cubaLif or if)`);
  }
}

function lifNodes(p: LifParams, dt: number, dtMs: number, all: (v: number) => NirTensor): NeuronNodes {
  const beta = lifBeta(p, dtMs);
  const losses = [...(p.reset === 'subtract' ? [SUBTRACT_LOSS] : []), ...(p.refractoryMs > 0 ? [`has a ${p.refractoryMs} ms refractory period, which NIR cannot express: other tools will run it without one`] : [])];
  // Without leak NIR's LIF degenerates (τ = ∞); the same dynamics are IF (or an Integrator).
  const leak: NirNode = beta >= 1 ? { type: 'I', r: all(1) } : { type: 'LI', tau: all(dt / (1 - beta)), r: all(1 / (1 - beta)), vLeak: all(0) };
  if (p.reset === 'none') return { nodes: [leak, { type: 'Threshold', threshold: all(p.threshold) }], losses };
  if (leak.type === 'I') return { nodes: [{ type: 'IF', r: all(1), vThreshold: all(p.threshold), vReset: all(0) }], losses };
  const tau = dt / (1 - beta);
  return { nodes: [{ type: 'LIF', tau: all(tau), r: all(tau / dt), vLeak: all(0), vThreshold: all(p.threshold), vReset: all(0) }], losses };
}

/**
 * NIR node of a read-out: 'membrane' m[t] = β·m[t−1] + x[t] is an LI with the parameters above
 * (an Integrator when β = 1); 'count' m[t] = m[t−1] + x[t] is an Integrator with R = 1. How the
 * result is reduced over time (last, max, mean) is not a NIR notion and travels in metadata only.
 */
export function readoutToNir(readout: ReadoutLayerSpec, shape: readonly number[], dtMs: number): NirNode {
  const dt = dtMs / 1000;
  const beta = Math.fround(readout.beta);
  if (readout.mode === 'count' || beta >= 1) return { type: 'I', r: filledTensor(shape, 1) };
  const tau = dt / (1 - beta);
  return { type: 'LI', tau: filledTensor(shape, tau), r: filledTensor(shape, tau / dt), vLeak: filledTensor(shape, 0) };
}

/**
 * NIR's CubaLI of a CubaLI imported as two membrane read-outs, the current's (β = α) read by the
 * membrane's: τ_syn = Δt/(1 − α), w_in = τ_syn/Δt, τ_mem = Δt/(1 − β), R = τ_mem/Δt, v_leak = 0,
 * the CubaLIF parameters above without a threshold.
 */
export function cubaReadoutToNir(current: ReadoutLayerSpec, membrane: ReadoutLayerSpec, shape: readonly number[], dtMs: number): NirNode {
  const dt = dtMs / 1000;
  const tauSyn = dt / (1 - Math.fround(current.beta));
  const tauMem = dt / (1 - Math.fround(membrane.beta));
  const all = (v: number) => filledTensor(shape, v);
  return { type: 'CubaLI', tauSyn: all(tauSyn), tauMem: all(tauMem), r: all(tauMem / dt), vLeak: all(0), wIn: all(tauSyn / dt) };
}
