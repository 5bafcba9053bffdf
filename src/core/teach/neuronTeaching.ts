import { NEURON_MODELS, type NeuronSpec } from '../neurons/index.ts';
import { NEURON_TEACHING } from './neuronTeachingModels.ts';
import type { FiringPattern, NeuronTeaching } from './neuronTeachingTypes.ts';
import type { InputShape } from './playgroundTypes.ts';

export type { FiringPattern, NeuronTeaching, ParamRange, PatternSignature, ThresholdDraw } from './neuronTeachingTypes.ts';

/** The teaching entry of a neuron kind; an unknown kind lists the ones that have one. */
export function neuronTeaching(kind: string): NeuronTeaching {
  const t = NEURON_TEACHING[kind];
  if (!t) throw new Error(`no playground entry for neuron model '${kind}'; the playground knows: ${Object.keys(NEURON_TEACHING).join(', ')}`);
  return t;
}

/** The kinds the playground offers, in the registry's order. */
export function teachableKinds(): readonly string[] {
  return Object.keys(NEURON_MODELS).filter((k) => k in NEURON_TEACHING);
}

/** Every firing pattern of every model, with the kind it belongs to. */
export function allPatterns(): readonly FiringPattern[] {
  return teachableKinds().flatMap((k) => neuronTeaching(k).patterns);
}

/** A pattern by id; an unknown id lists the ones that exist. */
export function firingPattern(id: string): FiringPattern {
  const p = allPatterns().find((x) => x.id === id);
  if (!p) throw new Error(`unknown firing pattern '${id}'; known: ${allPatterns().map((x) => x.id).join(', ')}`);
  return p;
}

/** A number as the equation shows it: 3 significant digits, whole numbers from 100 up, negatives in brackets. */
export function equationNumber(x: number): string {
  const s = Math.abs(x) >= 100 ? String(Math.round(x)) : String(Number(x.toPrecision(3)));
  return x < 0 ? `(${s.replace('-', '−')})` : s;
}

/** The model's equation for a spec: the lines with symbols, and the same lines with the values in force. */
export function renderEquation(spec: NeuronSpec, dtMs: number): { symbolic: readonly string[]; substituted: readonly string[] } {
  const { lines, symbols } = neuronTeaching(spec.model).equation(spec);
  const fill = (line: string, value: (name: string) => string) =>
    line.replace(/⟨([^⟩]+)⟩/g, (_m, name: string) => {
      if (!(name in symbols)) throw new Error(`equation of '${spec.model}' uses ⟨${name}⟩, which has no value`);
      return value(name);
    });
  return {
    symbolic: lines.map((l) => fill(l, (name) => name)),
    substituted: lines.map((l) => fill(l, (name) => equationNumber((symbols[name] as (s: NeuronSpec, dt: number) => number)(spec, dtMs)))),
  };
}

/** The input presets of the playground, by shape. */
export const INPUT_PRESET_KINDS = ['step', 'ramp', 'noise', 'spikeTrain'] as const;
export type InputPresetKind = (typeof INPUT_PRESET_KINDS)[number];

/**
 * A preset input scaled to the model (its `inputScale`) over a run of `durationMs`: a step over the
 * middle 60 %, a ramp from 0 to 3 scales, noise around one scale, or input spikes of 4 scales at 100 Hz.
 */
export function presetInput(kind: InputPresetKind, teaching: NeuronTeaching, durationMs: number): InputShape {
  const s = teaching.inputScale;
  const PRESETS: Readonly<Record<InputPresetKind, InputShape>> = {
    step: { kind: 'step', amplitude: s, startMs: Math.round(durationMs * 0.2), endMs: Math.round(durationMs * 0.8) },
    ramp: { kind: 'ramp', from: 0, to: 3 * s },
    noise: { kind: 'noise', mean: s, sd: s, seed: 1 },
    spikeTrain: { kind: 'spikeTrain', rateHz: 100, weight: 4 * s, seed: 1 },
  };
  return PRESETS[kind];
}

export { NEURON_TEACHING } from './neuronTeachingModels.ts';
