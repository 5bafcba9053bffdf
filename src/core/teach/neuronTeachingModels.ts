import type { NeuronSpec } from '../neurons/index.ts';
import { alifDecays } from '../neurons/alif.ts';
import { cubaDecays } from '../neurons/cubaLif.ts';
import { IZHIKEVICH_DEFAULTS } from '../neurons/izhikevich.ts';
import { IF_DEFAULTS } from '../neurons/if.ts';
import { inputAdaptiveDecays } from '../neurons/inputAdaptive.ts';
import { lifBeta, refractorySteps } from '../neurons/lif.ts';
import { FIRING_PATTERNS } from './neuronTeachingPatterns.ts';
import type { NeuronTeaching, ParamRange } from './neuronTeachingTypes.ts';

/** The spec narrowed to one kind; a spec of another kind is a programming error, named. */
function as<K extends NeuronSpec['model']>(spec: NeuronSpec, kind: K): Extract<NeuronSpec, { model: K }> {
  if (spec.model !== kind) throw new Error(`the teaching entry of '${kind}' was given a '${spec.model}' neuron`);
  return spec as Extract<NeuronSpec, { model: K }>;
}

/** τ = −Δt / ln β, the time constant a decay factor stands for (capped: β = 1 never decays). */
function tauOf(decay: number, dtMs: number): number {
  return decay >= 1 ? 1000 : -dtMs / Math.log(decay);
}

const patternsOf = (kind: string) => FIRING_PATTERNS[kind] ?? [];
const THRESHOLD: ParamRange = { min: 0.1, max: 3, step: 0.05 };
/** β and τ_mem of the LIF family; `beta` reads the model's own decay for a spec. */
function membraneRanges(beta: (s: NeuronSpec, dtMs: number) => number): Record<string, ParamRange> {
  return {
    beta: { min: 0.5, max: 1, step: 0.001, effective: beta },
    tauMemMs: { min: 1, max: 100, step: 1, effective: (s, dt) => tauOf(beta(s, dt), dt) },
  };
}
const spikeLine = (v: string, th: string) => `s[t] = 1 if ${v}[t] > ${th} else 0`;

const lifBetaOf = (s: NeuronSpec, dt: number) => lifBeta(as(s, 'lif'), dt);
/** LIF's membrane line for each reset mode (a table, as the model's docstring has it). */
const LIF_RESET_LINES: Readonly<Record<string, string>> = {
  subtract: 'm[t] = ⟨β⟩·m[t−1] + I[t] − ⟨θ⟩·s[t−1]',
  zero: 'm[t] = ⟨β⟩·m[t−1]·(1 − s[t−1]) + I[t]',
  none: 'm[t] = ⟨β⟩·m[t−1] + I[t]',
};
const IF_RESET_LINES: Readonly<Record<string, string>> = {
  subtract: 'v[t] = v[t−1] + I[t] − ⟨θ⟩·s[t−1]',
  zero: 'v[t] = v[t−1]·(1 − s[t−1]) + I[t]',
};

const lif: NeuronTeaching = {
  kind: 'lif',
  start: { model: 'lif', tauMemMs: 20, threshold: 1, reset: 'subtract', refractoryMs: 0 },
  ranges: { ...membraneRanges(lifBetaOf), threshold: THRESHOLD, refractoryMs: { min: 0, max: 20, step: 1 } },
  choices: { reset: ['subtract', 'zero', 'none'] },
  alternatives: [['beta', 'tauMemMs']],
  inputScale: 0.1,
  inputUnit: 'a.u. per step',
  membraneUnit: 'a.u.',
  threshold: { kind: 'constant', label: 'θ', value: (s) => as(s, 'lif').threshold },
  equation: (s) => ({
    lines: [LIF_RESET_LINES[as(s, 'lif').reset] ?? '', spikeLine('m', '⟨θ⟩'), 'input ignored for ⟨n_ref⟩ steps after a spike'],
    symbols: { β: lifBetaOf, θ: (x) => as(x, 'lif').threshold, n_ref: (x, dt) => refractorySteps(as(x, 'lif').refractoryMs, dt) },
  }),
  patterns: patternsOf('lif'),
};

const integrateAndFire: NeuronTeaching = {
  kind: 'if',
  start: IF_DEFAULTS,
  ranges: { threshold: THRESHOLD },
  choices: { reset: ['subtract', 'zero'] },
  alternatives: [],
  inputScale: 0.1,
  inputUnit: 'a.u. per step',
  membraneUnit: 'a.u.',
  threshold: { kind: 'constant', label: 'θ', value: (s) => as(s, 'if').threshold },
  equation: (s) => ({ lines: [IF_RESET_LINES[as(s, 'if').reset] ?? '', spikeLine('v', '⟨θ⟩')], symbols: { θ: (x) => as(x, 'if').threshold } }),
  patterns: patternsOf('if'),
};

const cubaAlpha = (s: NeuronSpec, dt: number) => cubaDecays(as(s, 'cubaLif'), dt).alpha;
const cubaBeta = (s: NeuronSpec, dt: number) => cubaDecays(as(s, 'cubaLif'), dt).beta;
const cubaLif: NeuronTeaching = {
  kind: 'cubaLif',
  start: { model: 'cubaLif', tauSynMs: 5, tauMemMs: 20, threshold: 1 },
  ranges: {
    alpha: { min: 0.3, max: 1, step: 0.01, effective: cubaAlpha },
    tauSynMs: { min: 0.5, max: 50, step: 0.5, effective: (s, dt) => tauOf(cubaAlpha(s, dt), dt) },
    ...membraneRanges(cubaBeta),
    threshold: THRESHOLD,
  },
  choices: {},
  alternatives: [
    ['alpha', 'tauSynMs'],
    ['beta', 'tauMemMs'],
  ],
  inputScale: 0.03,
  inputUnit: 'a.u. per step',
  membraneUnit: 'a.u.',
  threshold: { kind: 'constant', label: 'θ', value: (s) => as(s, 'cubaLif').threshold },
  equation: () => ({
    lines: ['i[t] = ⟨α⟩·i[t−1] + I[t]', 'v[t] = ⟨β⟩·v[t−1] + i[t] − ⟨θ⟩·s[t−1]', spikeLine('v', '⟨θ⟩')],
    symbols: { α: cubaAlpha, β: cubaBeta, θ: (x) => as(x, 'cubaLif').threshold },
  }),
  patterns: patternsOf('cubaLif'),
};

const alifBeta = (s: NeuronSpec, dt: number) => alifDecays(as(s, 'alif'), dt).beta;
const alifRho = (s: NeuronSpec, dt: number) => alifDecays(as(s, 'alif'), dt).rho;
const alif: NeuronTeaching = {
  kind: 'alif',
  start: { model: 'alif', tauMemMs: 20, tauAdaptMs: 200, threshold: 1, adaptation: 0.5 },
  ranges: {
    ...membraneRanges(alifBeta),
    rho: { min: 0.8, max: 1, step: 0.001, effective: alifRho },
    tauAdaptMs: { min: 10, max: 1000, step: 10, effective: (s, dt) => tauOf(alifRho(s, dt), dt) },
    threshold: THRESHOLD,
    adaptation: { min: 0, max: 2, step: 0.05 },
  },
  choices: {},
  alternatives: [
    ['beta', 'tauMemMs'],
    ['rho', 'tauAdaptMs'],
  ],
  inputScale: 0.2,
  inputUnit: 'a.u. per step',
  membraneUnit: 'a.u.',
  threshold: { kind: 'state', label: 'θ[t] (adaptive)', key: 'th' },
  equation: () => ({
    lines: ['a[t] = ⟨ρ⟩·a[t−1] + s[t−1]', 'θ[t] = ⟨θ₀⟩ + ⟨β_a⟩·a[t]', 'v[t] = ⟨β⟩·v[t−1] + I[t] − θ[t−1]·s[t−1]', spikeLine('v', 'θ[t]')],
    symbols: { ρ: alifRho, 'θ₀': (x) => as(x, 'alif').threshold, β_a: (x) => as(x, 'alif').adaptation, β: alifBeta },
  }),
  patterns: patternsOf('alif'),
};

const ssf: NeuronTeaching = {
  kind: 'ssf',
  start: { model: 'ssf', threshold: 1, windowSteps: 20, maxSpikes: 255 },
  ranges: { threshold: { min: 0.1, max: 5, step: 0.1 }, windowSteps: { min: 0, max: 100, step: 1 }, maxSpikes: { min: 1, max: 255, step: 1 } },
  choices: {},
  alternatives: [],
  inputScale: 0.1,
  inputUnit: 'a.u. per step',
  membraneUnit: 'a.u. (sum)',
  threshold: { kind: 'none', why: 'SSF fires at the end of each window, not on crossing a line' },
  equation: (s) => ({
    lines: [
      'acc[t] = acc[t−1] + I[t]   (acc = 0 when a window starts)',
      `out[t] = min(floor(acc[t] / ⟨θ⟩), ⟨max⟩) ${as(s, 'ssf').windowSteps > 0 ? 'at the last step of every ⟨W⟩-step window' : 'at the last step of the run'}, else 0`,
    ],
    symbols: { θ: (x) => as(x, 'ssf').threshold, max: (x) => as(x, 'ssf').maxSpikes, W: (x) => as(x, 'ssf').windowSteps },
  }),
  patterns: patternsOf('ssf'),
};

const izhikevich: NeuronTeaching = {
  kind: 'izhikevich',
  start: IZHIKEVICH_DEFAULTS,
  ranges: {
    a: { min: 0.005, max: 0.15, step: 0.005 },
    b: { min: 0.1, max: 0.3, step: 0.005 },
    c: { min: -75, max: -40, step: 1 },
    d: { min: 0, max: 10, step: 0.5 },
    vPeakMv: { min: 20, max: 40, step: 1 },
  },
  choices: {},
  alternatives: [],
  inputScale: 10,
  inputUnit: 'mV/ms',
  membraneUnit: 'mV',
  threshold: { kind: 'constant', label: 'v_peak', value: (s) => as(s, 'izhikevich').vPeakMv },
  equation: () => ({
    lines: ['v ← v + ⟨Δt⟩·(0.04·v² + 5·v + 140 − u + I)', 'u ← u + ⟨Δt⟩·⟨a⟩·(⟨b⟩·v − u)', 'if v ≥ ⟨v_peak⟩: spike, v ← ⟨c⟩, u ← u + ⟨d⟩'],
    symbols: {
      Δt: (_x, dt) => dt,
      a: (x) => as(x, 'izhikevich').a,
      b: (x) => as(x, 'izhikevich').b,
      c: (x) => as(x, 'izhikevich').c,
      d: (x) => as(x, 'izhikevich').d,
      v_peak: (x) => as(x, 'izhikevich').vPeakMv,
    },
  }),
  patterns: patternsOf('izhikevich'),
};

const iaDecays = (s: NeuronSpec, dt: number) => inputAdaptiveDecays(as(s, 'inputAdaptive'), dt);
const inputAdaptive: NeuronTeaching = {
  kind: 'inputAdaptive',
  start: { model: 'inputAdaptive', threshold: 1, tauStatMs: 50, inputGain: 0.5, spreadGain: 1, thresholdFloor: 0.1 },
  ranges: {
    ...membraneRanges((s, dt) => iaDecays(s, dt).beta),
    statDecay: { min: 0.5, max: 0.999, step: 0.001, effective: (s, dt) => iaDecays(s, dt).a },
    tauStatMs: { min: 1, max: 500, step: 1, effective: (s, dt) => tauOf(iaDecays(s, dt).a, dt) },
    threshold: THRESHOLD,
    inputGain: { min: 0, max: 5, step: 0.1 },
    spreadGain: { min: 0, max: 5, step: 0.1 },
    thresholdFloor: { min: 0.05, max: 2, step: 0.05 },
  },
  choices: {},
  alternatives: [
    ['beta', 'tauMemMs'],
    ['statDecay', 'tauStatMs'],
  ],
  inputScale: 0.3,
  inputUnit: 'a.u. per step',
  membraneUnit: 'a.u.',
  threshold: { kind: 'state', label: 'θ[t] (follows the input)', key: 'th' },
  equation: () => ({
    lines: [
      'μ[t] = ⟨a⟩·μ[t−1] + ⟨1−a⟩·I[t]',
      'q[t] = ⟨a⟩·q[t−1] + ⟨1−a⟩·(I[t] − μ[t])²',
      'θ[t] = max(⟨θ_floor⟩, ⟨θ₀⟩ + ⟨κ⟩·(μ[t] + ⟨c⟩·√q[t]))',
      'v[t] = ⟨β⟩·v[t−1] + I[t] − θ[t−1]·s[t−1]',
      spikeLine('v', 'θ[t]'),
    ],
    symbols: {
      a: (x, dt) => iaDecays(x, dt).a,
      '1−a': (x, dt) => iaDecays(x, dt).oneMinusA,
      θ_floor: (x) => as(x, 'inputAdaptive').thresholdFloor,
      'θ₀': (x) => as(x, 'inputAdaptive').threshold,
      κ: (x) => as(x, 'inputAdaptive').inputGain,
      c: (x) => as(x, 'inputAdaptive').spreadGain,
      β: (x, dt) => iaDecays(x, dt).beta,
    },
  }),
  patterns: patternsOf('inputAdaptive'),
};

/** The teaching registry: one entry per kind of NEURON_MODELS (neuronTeaching.test.ts holds it to that). */
export const NEURON_TEACHING: Readonly<Record<string, NeuronTeaching>> = { lif, if: integrateAndFire, cubaLif, alif, ssf, izhikevich, inputAdaptive };
