import type { FileResolver } from '../data/fileSources.ts';
import type { Engine } from '../engine/types.ts';
import type { KernelSource } from '../engine/kernels/kernelModule.ts';
import { throwIfAborted, type AbortSignalLike } from '../errors.ts';
import type { Workspace } from '../spec/workspace.ts';
import type { TrainingData } from '../trainingSets/workspaceSets.ts';
import { learnNewClass } from '../train/incremental.ts';
import { trainWorkspace, type WorkspaceTraining } from '../train/trainWorkspace.ts';
import { checkEnergyModel, energyRangeOn, type ModelCheck } from './energyRanges.ts';
import { offloadCurve } from './offload.ts';
import { offloadData, type TrainedSystem } from './offloadData.ts';
import { paretoFlags } from './pareto.ts';
import { scoreSystem } from './scoreSystem.ts';
import { systemCost, type SystemCost } from './systemCost.ts';
import type { StudyCurve, StudyDatasetName, StudyDefinition, StudyIncrementalRow, StudyIncrementalSpec, StudyOffloadData, StudyResult, StudyRow, StudySystem, StudyTask } from './studyTypes.ts';

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
  readonly stage: 'train' | 'score' | 'map' | 'learn on device';
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

/** The workspace a system runs: the user's changed one if any, at the run's seed. */
function workspaceOf(task: StudyTask, sys: StudySystem, options: StudyRunOptions): Workspace {
  const given = options.workspaces?.[systemKey(task.id, sys.system)] ?? sys.workspace;
  return options.seed === undefined ? given : { ...given, seed: options.seed };
}

/** The real data of a task, when the host has it. */
const dataFor = (task: StudyTask, host: StudyHost) => (task.dataset !== undefined && host.has?.(task.dataset) ? host.data?.(task.dataset) : undefined);

/** The trained teacher a system distils from, which must have run earlier in its task. */
function teacherOf(task: StudyTask, sys: StudySystem, trained: ReadonlyMap<string, TrainedSystem>): { workspace: Workspace; weights: WorkspaceTraining['weights'] } | undefined {
  if (sys.teacher === undefined) return undefined;
  const t = trained.get(sys.teacher);
  if (!t) throw new Error(`study task '${task.id}': '${sys.system}' learns from '${sys.teacher}', which is not an earlier system of the task`);
  return { workspace: t.training.workspace, weights: t.training.weights };
}

/**
 * The energy check's range of a row on a chip. A split system's chip stage is the only part the
 * check covers (the link and the ANN device are defaults and lower bounds): the total moves with
 * that stage alone, by the factor the check allows on the chip.
 */
function rangeOf(check: ModelCheck, chip: string, cost: SystemCost): { readonly range: readonly [number, number] | null; readonly note?: string } {
  const chipStage = cost.stages?.[0];
  if (!chipStage || cost.energyJ === null || chipStage.energy_j === null) return energyRangeOn(check, cost.device, cost.energyJ);
  const r = energyRangeOn(check, chip, chipStage.energy_j);
  const rest = cost.energyJ - chipStage.energy_j;
  return { range: r.range ? [rest + r.range[0], rest + r.range[1]] : null, ...(r.note !== undefined ? { note: `${chipStage.stage}: ${r.note}` } : {}) };
}

async function runSystem(task: StudyTask, sys: StudySystem, host: StudyHost, options: StudyRunOptions, check: ModelCheck, step: (stage: StudyProgress['stage']) => void, trainedSoFar: ReadonlyMap<string, TrainedSystem> = new Map()): Promise<TrainedSystem> {
  const ws = workspaceOf(task, sys, options);
  const data = dataFor(task, host);
  const teacher = teacherOf(task, sys, trainedSoFar);
  step('train');
  const trained = await trainWorkspace(ws, data, options.signal ? { signal: options.signal } : {}, { ...(host.kernel ? { kernel: host.kernel } : {}), ...(teacher ? { teacher } : {}) });
  throwIfAborted(options.signal, 'the study');
  step('score');
  const scored = await scoreSystem(trained);
  step('map');
  const cost = await systemCost(sys.device, trained.workspace, trained.weights, host.engine, scored.passes, options.signal, host.files?.(trained.workspace));
  const range = sys.device.kind === 'chip' ? rangeOf(check, sys.device.id, cost) : { range: null };
  return {
    training: trained,
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
      ...(cost.energyJ !== null && cost.latencyS !== null && cost.latencyS > 0 ? { power_w: cost.energyJ / cost.latencyS } : {}),
    },
  };
}

/** On-device learning of a new class: the base model, then the update with and without replay. */
async function runIncremental(task: StudyTask, spec: StudyIncrementalSpec, host: StudyHost, options: StudyRunOptions): Promise<StudyIncrementalRow[]> {
  const sys = task.systems.find((s) => s.system === spec.system);
  if (!sys) throw new Error(`study task '${task.id}': incremental learning names no system '${spec.system}'`);
  const r = await learnNewClass(workspaceOf(task, sys, options), dataFor(task, host), spec, options.signal ? { signal: options.signal } : {}, host.kernel ? { kernel: host.kernel } : {});
  return r.methods.map((m) => ({
    task: task.id,
    system: spec.system,
    method: m.method,
    new_class: r.newClassName,
    shots: spec.shots,
    // Fine-tuning keeps no examples of the old classes.
    replay_per_class: m.method === 'replay' ? spec.replayPerClass : 0,
    new_class_accuracy: m.newClassAccuracy,
    old_accuracy_before: r.oldAccuracyBefore,
    old_accuracy_after: m.oldAccuracyAfter,
    forgetting: r.oldAccuracyBefore - m.oldAccuracyAfter,
  }));
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
  const offloads = def.offload?.(ctx) ?? [];
  const incrementals = def.incremental?.(ctx) ?? [];
  const total = tasks.reduce((n, t) => n + t.systems.length, 0) + sweeps.reduce((n, s) => n + s.points.length, 0) + incrementals.length;
  let done = 0;
  const chips = [...tasks.flatMap((t) => t.systems), ...sweeps.flatMap((w) => w.points.map((p) => p.system))].flatMap((x) => (x.device.kind === 'chip' ? [x.device.id] : []));
  const check = options.modelCheck ?? (await checkEnergyModel(chips, options.signal));
  const progress = (task: string, system: string) => (stage: StudyProgress['stage']) => options.onProgress?.({ task, system, stage, done, total });
  const rows: StudyRow[] = [];
  const offload: StudyOffloadData[] = [];
  for (const task of tasks) {
    const trained = new Map<string, TrainedSystem>();
    for (const sys of task.systems) {
      const t = await runSystem(task, sys, host, options, check, progress(task.id, sys.system), trained);
      trained.set(sys.system, t);
      rows.push(t.row);
      done++;
    }
    for (const spec of offloads.filter((o) => o.task === task.id)) {
      const get = (name: string): TrainedSystem => {
        const t = trained.get(name);
        if (!t) throw new Error(`study '${def.id}': offloading on '${task.id}' names no system '${name}'`);
        return t;
      };
      offload.push(await offloadData(spec, get(spec.edge), get(spec.cloud), get(spec.edgeAlone)));
    }
    // The trained networks and their sets are large: only the rows are kept past the task.
    trained.clear();
  }
  const incremental: StudyIncrementalRow[] = [];
  for (const spec of incrementals) {
    const task = tasks.find((t) => t.id === spec.task);
    if (!task) throw new Error(`study '${def.id}': incremental learning names no task '${spec.task}'`);
    options.onProgress?.({ task: task.id, system: spec.system, stage: 'learn on device', done, total });
    incremental.push(...(await runIncremental(task, spec, host, options)));
    throwIfAborted(options.signal, 'the study');
    done++;
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
    ...(offload.length > 0 ? { offload, offload_curve: offload.flatMap((d) => offloadCurve(d)) } : {}),
    ...(incrementals.length > 0 ? { incremental } : {}),
  };
}
