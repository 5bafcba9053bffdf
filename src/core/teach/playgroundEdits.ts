import { neuronSpecSchema, type NeuronSpec } from '../neurons/index.ts';
import { INPUT_PRESET_KINDS, firingPattern, neuronTeaching, presetInput, type InputPresetKind } from './neuronTeaching.ts';
import { playgroundSteps } from './playgroundRun.ts';
import type { InputShape, PlaygroundPair, PlaygroundSetup } from './playgroundTypes.ts';

/**
 * An edit of the neuron playground, as a typed record (STYLE 22): the undo history keeps these with
 * the setups around them, and the label names them in the Undo button.
 */
export type PlaygroundEdit =
  /** Another neuron model: its teaching start spec, the input rescaled to it. */
  | { readonly kind: 'model'; readonly model: string }
  /** One parameter of the first neuron (a number, or a name such as a reset mode). */
  | { readonly kind: 'param'; readonly name: string; readonly value: number | string }
  | { readonly kind: 'input'; readonly input: InputShape }
  /** A firing pattern: its neuron, input, duration and step. */
  | { readonly kind: 'pattern'; readonly id: string }
  /** The pair view on (a second neuron and its synapse) or off (null). */
  | { readonly kind: 'pair'; readonly pair: PlaygroundPair | null }
  | { readonly kind: 'duration'; readonly durationMs: number };

/** An edit that would leave the playground unable to run; the message says what to change. */
export class PlaygroundEditError extends Error {
  readonly code = 'playground-edit';
}

/** A short name for an edit ("threshold = 1.2"), for the Undo and Redo buttons. */
export function editLabel(e: PlaygroundEdit): string {
  const LABELS: { readonly [K in PlaygroundEdit['kind']]: (x: Extract<PlaygroundEdit, { kind: K }>) => string } = {
    model: (x) => `model ${x.model}`,
    param: (x) => `${x.name} = ${x.value}`,
    input: (x) => `input (${x.input.kind})`,
    pattern: (x) => `pattern ${x.id}`,
    pair: (x) => (x.pair ? 'pair' : 'pair off'),
    duration: (x) => `duration ${x.durationMs} ms`,
  };
  return (LABELS[e.kind] as (x: PlaygroundEdit) => string)(e);
}

/** Parses a neuron spec, turning zod's issues into one sentence. */
function validSpec(spec: unknown): NeuronSpec {
  const r = neuronSpecSchema.safeParse(spec);
  if (!r.success) throw new PlaygroundEditError(r.error.issues.map((i) => `${i.path.join('.') || 'neuron'}: ${i.message}`).join('; '));
  return r.data;
}

/** The spec with one parameter set, its alternative (β for τ and the like) cleared. */
export function withParam(spec: NeuronSpec, name: string, value: number | string): NeuronSpec {
  const t = neuronTeaching(spec.model);
  if (!(name in t.ranges) && !(name in t.choices)) throw new PlaygroundEditError(`'${spec.model}' has no parameter '${name}'`);
  const next: Record<string, unknown> = { ...spec, [name]: value };
  for (const pair of t.alternatives) if (pair.includes(name)) delete next[pair[0] === name ? pair[1] : pair[0]];
  return validSpec(next);
}

/** The input moved to another model's scale: presets are made afresh, a drawing keeps its shape. */
function rescaledInput(input: InputShape, from: string, to: string, durationMs: number): InputShape {
  const t = neuronTeaching(to);
  if ((INPUT_PRESET_KINDS as readonly string[]).includes(input.kind)) return presetInput(input.kind as InputPresetKind, t, durationMs);
  if (input.kind !== 'drawn') return input;
  const k = t.inputScale / neuronTeaching(from).inputScale;
  return { kind: 'drawn', points: input.points.map((p) => p * k) };
}

/** The setup after an edit; an edit that cannot run throws PlaygroundEditError and changes nothing. */
export function applyPlaygroundEdit(s: PlaygroundSetup, e: PlaygroundEdit): PlaygroundSetup {
  switch (e.kind) {
    case 'model':
      return { ...s, neuron: neuronTeaching(e.model).start, input: rescaledInput(s.input, s.neuron.model, e.model, s.durationMs) };
    case 'param':
      return { ...s, neuron: withParam(s.neuron, e.name, e.value) };
    case 'input':
      if (e.input.kind === 'drawn' && e.input.points.some((p) => !Number.isFinite(p))) throw new PlaygroundEditError('a drawn input needs finite values');
      return { ...s, input: e.input };
    case 'pattern': {
      const p = firingPattern(e.id);
      return { ...s, neuron: p.neuron, input: p.input, durationMs: p.durationMs, dtMs: p.dtMs };
    }
    case 'pair':
      if (e.pair && !Number.isFinite(e.pair.weight)) throw new PlaygroundEditError('the synapse weight must be a number');
      if (e.pair && !(e.pair.delayMs >= 0)) throw new PlaygroundEditError('the synapse delay must be 0 ms or more');
      return { ...s, pair: e.pair ? { ...e.pair, neuron: validSpec(e.pair.neuron) } : null };
    case 'duration':
      try {
        playgroundSteps(e.durationMs, s.dtMs);
      } catch (err) {
        throw new PlaygroundEditError(err instanceof Error ? err.message : String(err));
      }
      return { ...s, durationMs: e.durationMs };
  }
}
