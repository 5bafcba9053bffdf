import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encoderSchema } from '../../src/core/encoders/schema.ts';
import { createEventEngine } from '../../src/core/engine/event/eventEngine.ts';
import { mapWorkspace } from '../../src/core/hardware/mapWorkspace.ts';
import { neuronModel } from '../../src/core/neurons/index.ts';
import { prepareRun, simulatePrepared } from '../../src/core/pipeline.ts';
import { inputWidth, parseWorkspace } from '../../src/core/spec/parseWorkspace.ts';
import type { Workspace } from '../../src/core/spec/workspace.ts';
import { lessonMappingOf, lessonRunOf } from '../../src/core/teach/lessonContextParts.ts';
import type { LessonContext, LessonStep } from '../../src/core/teach/lessonTypes.ts';
import { applyPlaygroundEdit, type PlaygroundEdit } from '../../src/core/teach/playgroundEdits.ts';
import { runPlayground } from '../../src/core/teach/playgroundRun.ts';
import type { PlaygroundSetup } from '../../src/core/teach/playgroundTypes.ts';
import { PRESETS_DIR } from './presets.ts';

/**
 * Contexts of the lessons' tasks as the page would build them (src/ui's lessonContext): at the
 * start of a step, and after the student did the right thing. Every figure in them comes from the
 * real core — the playground run, the workspace's simulation on the event engine, the chip
 * mapping — except a training's test accuracy (see surrogate-training).
 */

/** The playground a first visit opens on (the same numbers as the UI's PLAYGROUND_DEFAULT). */
export const START_PLAYGROUND: PlaygroundSetup = {
  neuron: { model: 'lif', tauMemMs: 20, threshold: 1, reset: 'subtract', refractoryMs: 0 },
  input: { kind: 'step', amplitude: 0.08, startMs: 20, endMs: 80 },
  durationMs: 100,
  dtMs: 1,
  pair: null,
};

/** A page with nothing done: the start playground (really run), no workspace, no run, no mapping. */
export function blankContext(over: Partial<LessonContext> = {}): LessonContext {
  return { view: 'neuron', playground: playgroundPart(START_PLAYGROUND), workspace: null, run: null, playbackStep: null, testAccuracy: null, mapping: null, actions: [], ...over };
}

/** The playground part of a context as the page builds it: the setup run by the real core. */
export function playgroundPart(setup: PlaygroundSetup, cursor: number | null = null): LessonContext['playground'] {
  const run = runPlayground(setup);
  return { setup, spikeSteps: run.first.spikeSteps, secondSpikeSteps: run.second?.spikeSteps ?? null, cursor };
}

/** A preset's workspace file as JSON (before parsing), for page-like edits. */
function presetDoc(id: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(PRESETS_DIR, `${id}.workspace.json`), 'utf8')) as Record<string, unknown>;
}

/** Edits of a preset the lessons ask for, made as the page makes them. */
export interface WorkspaceEdits {
  /** The data panel's encoder select and fields: the new encoder, the input layer refitted (fitInputLayer). */
  readonly encoder?: Record<string, unknown>;
  /** The inspector's model select on a spiking layer: the model's defaults (NodeFields), then fields set in the inspector. */
  readonly neuron?: { readonly layer: string; readonly model: string; readonly params?: Readonly<Record<string, unknown>> };
  /** The chip select. */
  readonly chip?: string;
}

/** A preset with the page's edits applied, validated. */
export function editedPreset(id: string, edits: WorkspaceEdits = {}): Workspace {
  const doc = presetDoc(id);
  const layers = (doc.network as { layers: Record<string, unknown>[] }).layers;
  if (edits.encoder) {
    doc.encoder = edits.encoder;
    const ws = parseWorkspace(presetDoc(id));
    (layers[0] as Record<string, unknown>).shape = [inputWidth({ data: ws.data, encoder: encoderSchema.parse(edits.encoder), training: ws.training })];
  }
  if (edits.neuron) {
    const { layer, model, params } = edits.neuron;
    const node = layers.find((l) => l.name === layer);
    if (!node) throw new Error(`no layer ${layer} in ${id}`);
    node.neuron = { ...neuronModel(model).defaults, ...params };
  }
  if (edits.chip) doc.chip = { id: edits.chip };
  return parseWorkspace(doc);
}

/** The run part of a context: the workspace simulated on the event engine, summarised as the page does. */
export async function runPart(ws: Workspace): Promise<NonNullable<LessonContext['run']>> {
  return lessonRunOf(await simulatePrepared(prepareRun(ws), createEventEngine(), ws));
}

/** The mapping part of a context: the workspace mapped on its chip by the real mapper and cost model. */
export async function mappingPart(ws: Workspace): Promise<NonNullable<LessonContext['mapping']>> {
  return lessonMappingOf(await mapWorkspace(ws, createEventEngine()));
}

/** A context on a workspace: its run, and its mapping when `mapped` (a stale one when given as a workspace). */
export async function workspaceContext(ws: Workspace, over: Partial<LessonContext> = {}, mappedWs?: Workspace): Promise<LessonContext> {
  return blankContext({ view: 'spikes', workspace: ws, run: await runPart(ws), ...(mappedWs ? { mapping: await mappingPart(mappedWs) } : {}), ...over });
}

/** The step's own playground (set by the step), or the start one. */
const stepPlayground = (step: LessonStep): PlaygroundSetup => step.playground ?? START_PLAYGROUND;
const onPlayground = (setup: PlaygroundSetup): LessonContext => blankContext({ playground: playgroundPart(setup) });
/** The step's playground after the student's edits, made by the playground's own edit function. */
const edited =
  (...edits: PlaygroundEdit[]) =>
  async (step: LessonStep): Promise<LessonContext> =>
    onPlayground(edits.reduce(applyPlaygroundEdit, stepPlayground(step)));

/** The start of a task step and the ways to solve it, each a context. */
export interface StepSolution {
  readonly start: (step: LessonStep) => Promise<LessonContext>;
  readonly solved: readonly ((step: LessonStep) => Promise<LessonContext>)[];
}

const LIF_20MS = { model: 'lif' as const, tauMemMs: 20, threshold: 1, reset: 'subtract' as const, refractoryMs: 0 };

/** Measured: ecg-synthetic trained in Chromium at the page's quick size (1,200 beats, 5 epochs) reaches 89.3 % (README, "Browsers"). */
export const QUICK_ECG_TEST_ACCURACY = 0.893;

/** For each lesson, by step index (from 0), the task's start and solutions. */
export const LESSON_SOLUTIONS: Readonly<Record<string, Readonly<Record<number, StepSolution>>>> = {
  'spikes-and-membranes': {
    1: { start: async (s) => onPlayground(stepPlayground(s)), solved: [edited({ kind: 'input', input: { kind: 'step', amplitude: 0.12, startMs: 20, endMs: 80 } })] },
    2: { start: async (s) => onPlayground(stepPlayground(s)), solved: [edited({ kind: 'pair', pair: { neuron: LIF_20MS, weight: 1.2, delayMs: 2 } })] },
  },
  'neuron-models': {
    0: { start: async (s) => onPlayground(stepPlayground(s)), solved: [edited({ kind: 'param', name: 'tauMemMs', value: 50 })] },
    1: { start: async (s) => onPlayground(stepPlayground(s)), solved: [edited({ kind: 'input', input: { kind: 'step', amplitude: 0.3, startMs: 0, endMs: 200 } })] },
    // The pattern buttons, or c and d set by hand.
    2: {
      start: async (s) => onPlayground(stepPlayground(s)),
      solved: [edited({ kind: 'pattern', id: 'izh-chattering' }), edited({ kind: 'pattern', id: 'izh-intrinsically-bursting' }), edited({ kind: 'param', name: 'c', value: -50 }, { kind: 'param', name: 'd', value: 2 })],
    },
  },
  'encoding-signals': {
    0: { start: async () => workspaceContext(editedPreset('default')), solved: [async () => workspaceContext(editedPreset('default', { encoder: { kind: 'rate' } }))] },
    1: { start: async () => workspaceContext(editedPreset('default')), solved: [async () => workspaceContext(editedPreset('default', { encoder: { kind: 'latency' } }))] },
    2: {
      start: async () => workspaceContext(editedPreset('default')),
      solved: [async () => workspaceContext(editedPreset('default', { encoder: { kind: 'levelCrossing', levels: 4 } })), async () => workspaceContext(editedPreset('default', { encoder: { kind: 'delta', threshold: 0.2 } }))],
    },
  },
  'reading-a-raster': {
    1: {
      start: async () => workspaceContext(editedPreset('ecg-synthetic')),
      solved: [
        async () => {
          const ctx = await workspaceContext(editedPreset('ecg-synthetic'));
          return { ...ctx, playbackStep: ctx.run?.layers.find((l) => l.name === 'lif1')?.firstSpikeStep ?? null };
        },
      ],
    },
    2: {
      // The cursor is where step 2 left it (on ecg-synthetic's first output spike).
      start: async () => {
        const before = await runPart(editedPreset('ecg-synthetic'));
        return workspaceContext(editedPreset('cue-memory-rsnn'), { playbackStep: before.layers.find((l) => l.name === 'lif1')?.firstSpikeStep ?? null });
      },
      solved: [
        async () => {
          const ctx = await workspaceContext(editedPreset('cue-memory-rsnn'));
          return { ...ctx, playbackStep: ctx.run?.layers.find((l) => l.name === 'lif')?.firstSpikeStep ?? null };
        },
      ],
    },
  },
  'surrogate-training': {
    0: { start: async () => workspaceContext(editedPreset('ecg-synthetic')), solved: [async () => workspaceContext(editedPreset('ecg-synthetic'), { actions: ['figure:surrogate-slope'] })] },
    // Training is not run here (minutes in Node); the page's measured figure stands in for it.
    1: { start: async () => workspaceContext(editedPreset('ecg-synthetic')), solved: [async () => workspaceContext(editedPreset('ecg-synthetic'), { testAccuracy: QUICK_ECG_TEST_ACCURACY })] },
  },
  'chip-costs': {
    1: {
      start: async () => workspaceContext(editedPreset('ecg-synthetic'), { view: 'chip' }, editedPreset('ecg-synthetic', { chip: 'loihi' })),
      solved: [
        async () => workspaceContext(editedPreset('ecg-synthetic', { chip: 'truenorth' }), { view: 'chip' }, editedPreset('ecg-synthetic', { chip: 'truenorth' })),
        async () => workspaceContext(editedPreset('ecg-synthetic', { chip: 'asic' }), { view: 'chip' }, editedPreset('ecg-synthetic', { chip: 'asic' })),
      ],
    },
  },
  'ssf-weight-reads': {
    0: { start: async () => workspaceContext(editedPreset('ecg-synthetic'), { view: 'chip' }), solved: [async () => workspaceContext(editedPreset('ecg-synthetic', { chip: 'asic' }), { view: 'chip' }, editedPreset('ecg-synthetic', { chip: 'asic' }))] },
    1: {
      // The step reloads the preset (LIF on Loihi); the mapping on screen may still be step 1's LIF one on the asic.
      start: async () => workspaceContext(editedPreset('ecg-synthetic'), { view: 'chip' }, editedPreset('ecg-synthetic', { chip: 'asic' })),
      solved: [
        async () => {
          const ws = editedPreset('ecg-synthetic', { chip: 'asic', neuron: { layer: 'lif1', model: 'ssf' } });
          return workspaceContext(ws, { view: 'chip' }, ws);
        },
      ],
    },
  },
};
