import type { FileResolver } from '../data/fileSources.ts';
import type { Engine } from '../engine/types.ts';
import type { KernelSource } from '../engine/kernels/kernelModule.ts';
import { throwIfAborted, type AbortSignalLike } from '../errors.ts';
import type { Workspace } from '../spec/workspace.ts';
import type { TrainingData } from '../trainingSets/workspaceSets.ts';
import { trainWorkspace } from '../train/trainWorkspace.ts';
import { checkEnergyModel, energyRangeOn, type ModelCheck } from './energyRanges.ts';
import { paretoFlags } from './pareto.ts';
import { scoreSystem } from './scoreSystem.ts';
import { systemCost } from './systemCost.ts';
import type { StudyCurve, StudyDatasetName, StudyDefinition, StudyResult, StudyRow, StudySystem, StudyTask } from './studyTypes.ts';

/** What the host gives a study: the real data it has, the BPTT kernel, and an engine for the mapper. */
export interface StudyHost {
  /** Whether the host can read a real data set (cheap: the folder exists); absent = none. */
  has?(name: StudyDatasetName): boolean;
  /** Reads a real data set; called only for names `has` accepts. */
  data?(name: StudyDatasetName): TrainingData | undefined;
  kernel?: KernelSource;
  engine: Engine;
  /** The file a file-source workspace reads (an N-MNIST recording), for its chip mapping; absent = none. */
  files?(ws: Workspace): FileResolver | undefined;
}

/** Where a study run is: `done` of `total` systems (rows and sweep points) finished. */
export interface StudyProgress {
  readonly task: string;
  readonly system: string;
  readonly stage: 'train' | 'score' | 'map';
  readonly done: number;
  readonly total: number;
}

export interface StudyRunOptions {
  readonly quick: boolean;
  /** One seed for every workspace of the study (absent: each workspace's own). */
  readonly seed?: number;
  onProgress?(p: StudyProgress): void;
  readonly signal?: AbortSignalLike;
  /** Workspaces the user changed, by `${task}/${system}`: they replace the definition's. */
  readonly workspaces?: Readonly<Record<string, Workspace>>;
  /** The energy model's check, when the caller has run it already (several seeds of one study). */
  readonly modelCheck?: ModelCheck;
}

/** The key of a system's workspace in StudyRunOptions.workspaces. */
export const systemKey = (task: string, system: string): string => `${task}/${system}`;

/** A trained, scored and costed system. */
interface SystemFigures {
  readonly row: StudyRow;
}

async function runSystem(task: StudyTask, sys: StudySystem, host: StudyHost, options: StudyRunOptions, check: ModelCheck, step: (stage: StudyProgress['stage']) => void): Promise<SystemFigures> {
  const given = options.workspaces?.[systemKey(task.id, sys.system)] ?? sys.workspace;
  const ws = options.seed === undefined ? given : { ...given, seed: options.seed };
  const data = task.dataset !== undefined && host.has?.(task.dataset) ? host.data?.(task.dataset) : undefined;
  step('train');
  const trained = await trainWorkspace(ws, data, options.signal ? { signal: options.signal } : {}, host.kernel ? { kernel: host.kernel } : {});
  throwIfAborted(options.signal, 'the study');
  step('score');
  const scored = await scoreSystem(trained);
  step('map');
  const cost = await systemCost(sys.device, trained.workspace, trained.weights, host.engine, scored.passes, options.signal, host.files?.(trained.workspace));
  const range = sys.device.kind === 'chip' ? energyRangeOn(check, cost.device, cost.energyJ) : { range: null };
  return {
    row: {
      task: task.id,
      system: sys.system,
      role: sys.role,
      accuracy: trained.test.accuracy,
      macro_f1: trained.test.macroF1,
      spikes_per_inference: scored.spikesPerInference,
      synaptic_ops: scored.synapticOps,
      weight_reads: cost.weightReads,
      model_bits: scored.modelBits(sys.weightBits),
      device: cost.device,
      energy_per_inference_j: cost.energyJ,
      latency_s: cost.latencyS,
      dynamic_energy_j: cost.dynamicJ,
      energy_range_j: range.range,
      gops_per_w: cost.gopsPerW,
      other_devices: cost.otherDevices,
      notes: [...scored.notes, ...cost.notes, ...(range.note !== undefined ? [range.note] : [])],
      ...(cost.stages ? { stages: cost.stages } : {}),
      ...(cost.powerW !== undefined ? { power_w: cost.powerW } : {}),
    },
  };
}

/** Describes where a task's samples came from. */
function dataOf(task: StudyTask, host: StudyHost): string {
  return task.dataset !== undefined && host.has?.(task.dataset) ? `${task.dataset} (recordings)` : 'built-in generator';
}

/**
 * Runs a study: every system of every task trained with the same seed on the same data, scored on
 * the task's test set, costed on its device; then every sweep point the same way, each sweep drawn
 * as a curve with its Pareto front. Systems run one after another (they share the host's cores).
 */
export async function runStudy(def: StudyDefinition, host: StudyHost, options: StudyRunOptions): Promise<StudyResult> {
  const ctx = { has: (n: StudyDatasetName) => host.has?.(n) ?? false, quick: options.quick };
  const tasks = def.tasks(ctx);
  const sweeps = def.sweeps?.(ctx) ?? [];
  const total = tasks.reduce((n, t) => n + t.systems.length, 0) + sweeps.reduce((n, s) => n + s.points.length, 0);
  let done = 0;
  const chips = [...tasks.flatMap((t) => t.systems), ...sweeps.flatMap((w) => w.points.map((p) => p.system))].flatMap((x) => (x.device.kind === 'chip' ? [x.device.id] : []));
  const check = options.modelCheck ?? (await checkEnergyModel(chips, options.signal));
  const progress = (task: string, system: string) => (stage: StudyProgress['stage']) => options.onProgress?.({ task, system, stage, done, total });
  const rows: StudyRow[] = [];
  for (const task of tasks) {
    for (const sys of task.systems) {
      rows.push((await runSystem(task, sys, host, options, check, progress(task.id, sys.system))).row);
      done++;
    }
  }
  const curves: StudyCurve[] = [];
  for (const sweep of sweeps) {
    const task = tasks.find((t) => t.id === sweep.task);
    if (!task) throw new Error(`study '${def.id}': sweep '${sweep.id}' names no task '${sweep.task}'`);
    const points = [];
    for (const p of sweep.points) {
      const { row } = await runSystem(task, p.system, host, options, check, progress(task.id, p.system.system));
      points.push({ value: p.value, accuracy: row.accuracy, energy_per_inference_j: row.energy_per_inference_j, device: row.device });
      done++;
    }
    const pareto = paretoFlags(points.map((p) => ({ accuracy: p.accuracy, energy: p.energy_per_inference_j })));
    curves.push({
      id: sweep.id,
      label: sweep.label,
      task: sweep.task,
      knob: sweep.knob,
      device: points[0]?.device ?? '',
      points: points.map((p, i) => ({ value: p.value, accuracy: p.accuracy, energy_per_inference_j: p.energy_per_inference_j, pareto: pareto[i] ?? false })),
    });
  }
  options.onProgress?.({ task: '', system: '', stage: 'map', done, total });
  return {
    study: def.id,
    title: def.title,
    seed: options.seed ?? tasks[0]?.systems[0]?.workspace.seed ?? 0,
    tasks: tasks.map((t) => ({ id: t.id, label: t.label, data: dataOf(t, host), ...(t.note !== undefined ? { note: t.note } : {}) })),
    rows,
    claims: def.claims,
    curves,
  };
}
