import { beatSourceHz } from '../data/datasets/beatEncoding.ts';
import { cueTaskSteps } from '../data/synth/cueSynth.ts';
import { BudgetError, type SpecIssue } from '../errors.ts';
import { convKernelArea } from '../network/layerGeometry.ts';
import { inferShapes, shapeSize } from '../network/shapes.ts';
import { ecgDataset } from './trainingConfig.ts';
import { inputWidth } from './parseWorkspace.ts';
import type { DataSourceSpec, Workspace } from './workspace.ts';
import { formatBudgetFigure, WORKSPACE_BUDGETS, type Budget, type BudgetName } from './budgetTable.ts';

export { formatBudgetFigure, WORKSPACE_BUDGETS, type Budget, type BudgetName } from './budgetTable.ts';

/** One estimate of a workspace: which budget, the JSON path of the field that drives it, its value. */
export interface BudgetEstimate {
  readonly budget: BudgetName;
  readonly path: string;
  readonly value: number;
  /** The factors, for the message: `1200000 steps × 2048 input neurons`. */
  readonly detail: string;
}

/** Steps of a run and the field that sets them; undefined when they depend on a file not at hand. */
interface StepCount {
  readonly steps: number;
  readonly path: string;
}

/** MIT-BIH's rate: the beats of a signal file are cut at it (as inputWidth assumes). */
/** Mel front ends run at 100 frames per second (10 ms hop, data/builtinSources.ts melSignal). */
const MEL_FRAMES_PER_S = 100;
/** The fastest heart rate the synthetic ECG accepts; bounds the beats of a window before cutting them. */
const MAX_BEATS_PER_S = 250 / 60;

/** Steps of each data source from its spec alone, one entry per kind (data/… owns the generators). */
const STEPS_OF: { readonly [K in DataSourceSpec['kind']]: (d: Extract<DataSourceSpec, { kind: K }>) => StepCount | undefined } = {
  'synthetic-ecg': (d) => ({ steps: Math.round(d.durationS * d.samplingHz), path: 'data.durationS' }),
  'synthetic-eeg': (d) => ({ steps: Math.round(d.epochS * d.samplingHz), path: 'data.epochS' }),
  'synthetic-audio': (d) => ({ steps: Math.ceil(d.durationS * MEL_FRAMES_PER_S), path: 'data.durationS' }),
  'synthetic-cue': (d) => ({ steps: cueTaskSteps(d), path: 'data.delay' }),
  // Without the mel front end a file's rate is only known once it is read (its reader is budgeted).
  'signal-file': (d) => (d.frontEnd === 'mel' ? { steps: Math.ceil(d.durationS * MEL_FRAMES_PER_S), path: 'data.durationS' } : undefined),
  'event-file': (d) => ({ steps: Math.max(1, Math.ceil(d.durationUs / d.stepUs)), path: 'data.stepUs' }),
  'synthetic-dvs': (d) => ({ steps: Math.max(1, Math.ceil((d.durationMs * 1000) / d.stepUs)), path: 'data.stepUs' }),
  'image-file': (d) => ({ steps: d.steps, path: 'data.steps' }),
};

function stepsOf(ws: Workspace): StepCount | undefined {
  const beats = ecgDataset(ws.training);
  if (beats?.input === 'window' && (ws.data.kind === 'synthetic-ecg' || ws.data.kind === 'signal-file')) {
    // Beat windows: each beat is held for `steps` steps; a window holds at most 250 bpm of beats.
    return { steps: Math.ceil(ws.data.durationS * MAX_BEATS_PER_S) * beats.steps, path: 'data.durationS' };
  }
  const steps = STEPS_OF[ws.data.kind] as (d: DataSourceSpec) => StepCount | undefined;
  return steps(ws.data);
}

/** The weighted layer with the most weights and the field that sizes it, for the message's path. */
function weightEstimate(ws: Workspace, shapes: readonly (readonly number[])[]): BudgetEstimate {
  let total = 0;
  let worst = { path: 'network.layers', count: -1 };
  ws.network.layers.forEach((layer, i) => {
    const inShape = shapes[i - 1];
    if (!inShape) return;
    const fanIn = layer.kind === 'dense' ? inShape.reduce((a, b) => a * b, 1) : layer.kind === 'conv2d' ? convKernelArea(layer) * (inShape[inShape.length - 1] ?? 1) / (layer.groups ?? 1) : 0;
    const count = fanIn * (layer.kind === 'dense' ? layer.units : layer.kind === 'conv2d' ? layer.filters : 0);
    total += count;
    if (count > worst.count) worst = { path: `network.layers[${i}].${layer.kind === 'dense' ? 'units' : 'filters'}`, count };
  });
  return { budget: 'weights', path: worst.path, value: total, detail: '' };
}

/** What an entry point knows beyond the workspace. */
export interface BudgetContext {
  /** Classes of a 'source-classes' training (trainingSets/sourceClassSets.ts); with it, the training sets are costed. */
  readonly trainingClasses?: number;
}

/** Input values the train and test sets hold: heartbeats from the spec, built-in samples given their classes. */
function trainingEstimate(ws: Workspace, run: StepCount | undefined, width: number, context: BudgetContext): BudgetEstimate | undefined {
  const beats = ecgDataset(ws.training);
  if (beats) {
    const hz = beatSourceHz(ws);
    // A window under direct coding is kept as one step (data/datasets/beatSet.ts, `held`).
    const held = beats.input === 'window' && ws.encoder.kind === 'direct';
    const steps = held ? 1 : beats.input === 'window' ? beats.steps : Math.ceil(((beats.beforeS + beats.afterS) * hz) / beats.decimate);
    return { budget: 'trainingValues', path: 'training.dataset.beats', value: beats.beats * steps * width, detail: `${beats.beats} beats × ${steps} steps × ${width} input neurons` };
  }
  const d = ws.training?.dataset;
  if (d?.kind !== 'source-classes' || context.trainingClasses === undefined || !run) return undefined;
  const samples = context.trainingClasses * (d.perClass + d.testPerClass);
  return { budget: 'trainingValues', path: 'training.dataset.perClass', value: samples * run.steps * width, detail: `${samples} samples × ${run.steps} steps × ${width} input neurons` };
}

/**
 * Every estimate of a workspace, from its spec alone (no data generated, nothing allocated).
 * Run-length estimates are left out when the steps depend on a file that is not read yet; the
 * training sets are costed when the workspace trains on heartbeats or `context` gives the classes.
 */
export function estimateWorkspace(ws: Workspace, context: BudgetContext = {}): BudgetEstimate[] {
  const { shapes } = inferShapes(ws.network);
  const out = [weightEstimate(ws, shapes)];
  const training = trainingEstimate(ws, stepsOf(ws), inputWidth(ws), context);
  if (training) out.push(training);
  if (ws.data.kind === 'synthetic-dvs') {
    const d = ws.data;
    out.push({ budget: 'events', path: 'data.durationMs', value: d.width * d.height * d.durationMs, detail: `${d.width}×${d.height} pixels × ${d.durationMs} ms` });
  }
  const run = stepsOf(ws);
  if (!run) return out;
  const { steps, path } = run;
  const sizes = ws.network.layers.map((_, i) => shapeSize((shapes[i] ?? [1]) as readonly [number]));
  const neurons = sizes.reduce((a, b) => a + b, 0);
  const spiking = ws.network.layers.reduce((a, l, i) => a + (l.kind === 'spiking' ? (sizes[i] ?? 0) : 0), 0);
  const width = inputWidth(ws);
  const probes = ws.simulation.record.membrane.length;
  out.push(
    { budget: 'inputValues', path, value: steps * width, detail: `${steps} steps × ${width} input neurons` },
    { budget: 'neuronSteps', path, value: steps * neurons, detail: `${steps} steps × ${neurons} neurons` },
    { budget: 'recordedSpikes', path, value: steps * spiking, detail: `${steps} steps × ${spiking} spiking neurons` },
    { budget: 'membraneSamples', path, value: steps * probes, detail: `${steps} steps × ${probes} probes` },
  );
  return out;
}

/** The sentence of one estimate over its budget: `the network would hold 1.0e12 weights; the budget is 5.0e7`. */
export function budgetMessage(e: BudgetEstimate, budget: Budget): string {
  const detail = e.detail ? ` (${e.detail})` : '';
  return `the ${budget.phrase.replace('{n}', formatBudgetFigure(e.value))}${detail}; the budget is ${formatBudgetFigure(budget.limit)}`;
}

/**
 * Refuses a workspace that would go over any budget, before anything is allocated: throws a
 * BudgetError whose issues name each field (`network.layers[2].units: the network would hold
 * 1.0e12 weights; the budget is 5.0e7`). Every entry point that runs, trains, maps or exports a
 * workspace, and the link decoder, calls it.
 */
export function checkWorkspaceBudgets(ws: Workspace, context: BudgetContext = {}, budgets: Readonly<Record<BudgetName, Budget>> = WORKSPACE_BUDGETS): void {
  const over = estimateWorkspace(ws, context).filter((e) => e.value > budgets[e.budget].limit);
  const first = over[0];
  if (!first) return;
  const issues: SpecIssue[] = over.map((e) => ({ path: e.path, message: budgetMessage(e, budgets[e.budget]) }));
  throw new BudgetError(issues, first.budget, first.value, budgets[first.budget].limit);
}
