import type { CubaLifParams } from '../../neurons/cubaLif.ts';
import type { IfParams } from '../../neurons/if.ts';
import type { LifParams } from '../../neurons/lif.ts';
import { NirError, nodeSubject } from './nirError.ts';
import type { NirCubaLi, NirCubaLif, NirIf, NirIntegrator, NirLi, NirLif, NirTensor, NirThreshold } from './nirGraph.ts';
import { allZero, maxAbs, uniformValue } from './nirScalars.ts';

/**
 * NIR neurons as Spikelab neurons: the inverse of nirNeuronExport.ts (see its equations). With a
 * time step Δt the forward-Euler step of τ·dv/dt = (v_leak − v) + R·I is
 *
 *   v[t] = β·v[t−1] + g·I[t],   β = 1 − Δt/τ,   g = Δt·R/τ          (CubaLIF: g = g_syn·g_mem)
 *
 * and IF / Integrator are read per step, v[t] = v[t−1] + R·I[t], so g = R. Our neurons have no
 * input gain: the caller folds g into the weights of the layer before (exact, the membrane keeps
 * the file's scale) or, when no weighted layer precedes, divides the threshold by g (same spikes).
 */

/** How an import reads what NIR leaves open. */
export interface NeuronImportOptions {
  /** Time step in ms used to discretise NIR's continuous time constants. */
  readonly dtMs: number;
  /** Reset after a spike: NIR says v ← v_reset (= 0, 'zero'); Sinabs models subtract θ instead. */
  readonly reset: 'zero' | 'subtract';
  /** Ignore non-zero v_leak (a constant drive) instead of refusing the node. */
  readonly dropBias: boolean;
}

/** A spiking population imported from NIR: the neuron (threshold as in the file) and its input gain g. */
export interface SpikingImport {
  readonly neuron: LifParams | IfParams | CubaLifParams;
  readonly inputGain: number;
  readonly notes: readonly string[];
}

/** A read-out imported from NIR (LI → membrane, Integrator → count) and its input gain g. */
export interface ReadoutImport {
  readonly mode: 'count' | 'membrane';
  readonly beta: number;
  readonly inputGain: number;
  readonly notes: readonly string[];
}

/** Per-step decay β = 1 − Δt/τ of a time constant τ (s); refused unless 0 < β < 1. */
function decay(tau: number, dt: number, subject: string, param: string): number {
  if (!Number.isFinite(tau) || tau <= dt) {
    throw new NirError(subject, `${param} = ${tau} s is not longer than the time step Δt = ${dt} s; import with a smaller time step (dtMs)`);
  }
  return 1 - dt / tau;
}

function positive(value: number, subject: string, param: string): number {
  if (!(value > 0) || !Number.isFinite(value)) throw new NirError(subject, `${param} must be a positive number, got ${value}`);
  return value;
}

function checkLeak(vLeak: NirTensor, subject: string, opts: NeuronImportOptions, notes: string[]): void {
  if (allZero(vLeak)) return;
  if (!opts.dropBias) {
    throw new NirError(subject, `v_leak is not zero (up to ${maxAbs(vLeak)}): it drives the neuron with a constant current, which Spikelab neurons do not have; import with dropBias (CLI --drop-bias) to ignore it`);
  }
  notes.push(`${subject}: ignored v_leak (up to ${maxAbs(vLeak)})`);
}

function checkReset(vReset: NirTensor, subject: string): void {
  const v = uniformValue(vReset, subject, 'v_reset');
  if (v !== 0) throw new NirError(subject, `resets to v_reset = ${v}; Spikelab neurons reset to 0 or subtract the threshold`);
}

/** A spiking NIR node (LIF, IF or CubaLIF) as a Spikelab neuron. */
export function neuronFromNir(name: string, node: NirLif | NirIf | NirCubaLif, opts: NeuronImportOptions): SpikingImport {
  const s = nodeSubject(name, node.type);
  const dt = opts.dtMs / 1000;
  const notes: string[] = [];
  checkReset(node.vReset, s);
  const threshold = positive(uniformValue(node.vThreshold, s, 'v_threshold'), s, 'v_threshold');
  if (node.type === 'IF') {
    const r = positive(uniformValue(node.r, s, 'r'), s, 'r');
    return { neuron: { model: 'if', threshold, reset: opts.reset }, inputGain: r, notes };
  }
  checkLeak(node.vLeak, s, opts, notes);
  const r = positive(uniformValue(node.r, s, 'r'), s, 'r');
  if (node.type === 'LIF') {
    const tau = uniformValue(node.tau, s, 'tau');
    const beta = decay(tau, dt, s, 'tau');
    return { neuron: { model: 'lif', beta, threshold, reset: opts.reset, refractoryMs: 0 }, inputGain: (dt * r) / tau, notes };
  }
  const tauSyn = uniformValue(node.tauSyn, s, 'tau_syn');
  const tauMem = uniformValue(node.tauMem, s, 'tau_mem');
  const wIn = positive(uniformValue(node.wIn, s, 'w_in'), s, 'w_in');
  const alpha = decay(tauSyn, dt, s, 'tau_syn');
  const beta = decay(tauMem, dt, s, 'tau_mem');
  if (opts.reset === 'zero') notes.push(`${s}: Spikelab's cubaLif resets by subtracting the threshold; the file resets to 0 (spikes differ when the membrane overshoots)`);
  return { neuron: { model: 'cubaLif', alpha, beta, threshold }, inputGain: ((dt * wIn) / tauSyn) * ((dt * r) / tauMem), notes };
}

/** LI or Integrator followed by Threshold: a LIF without reset (β = 1 for the Integrator). */
export function thresholdedFromNir(name: string, leak: NirLi | NirIntegrator, th: NirThreshold, opts: NeuronImportOptions): SpikingImport {
  const s = nodeSubject(name, `${leak.type} + Threshold`);
  const ro = readoutFromNir(name, leak, opts);
  const threshold = positive(uniformValue(th.threshold, s, 'threshold'), s, 'threshold');
  return { neuron: { model: 'lif', beta: ro.beta, threshold, reset: 'none', refractoryMs: 0 }, inputGain: ro.inputGain, notes: ro.notes };
}

/** LI (→ membrane read-out) or Integrator (→ count read-out). */
export function readoutFromNir(name: string, node: NirLi | NirIntegrator, opts: NeuronImportOptions): ReadoutImport {
  const s = nodeSubject(name, node.type);
  const r = positive(uniformValue(node.r, s, 'r'), s, 'r');
  if (node.type === 'I') return { mode: 'count', beta: 1, inputGain: r, notes: [] };
  const notes: string[] = [];
  checkLeak(node.vLeak, s, opts, notes);
  const dt = opts.dtMs / 1000;
  const tau = uniformValue(node.tau, s, 'tau');
  return { mode: 'membrane', beta: decay(tau, dt, s, 'tau'), inputGain: (dt * r) / tau, notes };
}

/** A CubaLI: two leaky integrators in a row, the current (decay α) and the membrane (decay β), and its input gain. */
export interface CubaReadoutImport {
  readonly alpha: number;
  readonly beta: number;
  readonly inputGain: number;
  readonly notes: readonly string[];
}

/**
 * CubaLI, the CubaLIF equations without a threshold: i[t] = α·i[t−1] + g·S[t], v[t] = β·v[t−1] + i[t]
 * with g = (Δt·w_in/τ_syn)·(Δt·R/τ_mem), as neuronFromNir reads a CubaLIF.
 */
export function cubaReadoutFromNir(name: string, node: NirCubaLi, opts: NeuronImportOptions): CubaReadoutImport {
  const s = nodeSubject(name, node.type);
  const dt = opts.dtMs / 1000;
  const notes: string[] = [];
  checkLeak(node.vLeak, s, opts, notes);
  const r = positive(uniformValue(node.r, s, 'r'), s, 'r');
  const wIn = positive(uniformValue(node.wIn, s, 'w_in'), s, 'w_in');
  const tauSyn = uniformValue(node.tauSyn, s, 'tau_syn');
  const tauMem = uniformValue(node.tauMem, s, 'tau_mem');
  const alpha = decay(tauSyn, dt, s, 'tau_syn');
  const beta = decay(tauMem, dt, s, 'tau_mem');
  return { alpha, beta, inputGain: ((dt * wIn) / tauSyn) * ((dt * r) / tauMem), notes };
}

/** The neuron with its threshold divided by the input gain: the same spikes when g cannot be folded. */
export function withGainInThreshold(imp: SpikingImport): SpikingImport['neuron'] {
  return { ...imp.neuron, threshold: imp.neuron.threshold / imp.inputGain };
}
