import { CancelledError } from '../core/errors.ts';
import type { Workspace } from '../core/spec/workspace.ts';
import { systemKey } from '../core/study/runStudy.ts';
import { STUDIES } from '../core/study/studyRegistry.ts';
import type { StudyDefinition, StudyResult, StudySystem, StudyTask } from '../core/study/studyTypes.ts';
import { explainError } from '../../workers/explainError.ts';
import type { StudyJobOptions } from '../../workers/trainApi.ts';
import type { StudyProgressShown } from './store/studySlice.ts';
import type { useStore } from './store/index.ts';
import { openPreset } from './workspaces/workspaceLibrary.ts';

/** The training worker's study jobs, as the page uses them (TrainClient implements it). */
export interface StudyRunner {
  runStudy(jobId: string, studyId: string, options: StudyJobOptions, onProgress: (p: StudyProgressShown) => void): Promise<StudyResult>;
  stop(jobId: string): void;
}

/** The key of a system's row and of its changed workspace: runStudy's, `${task}/${system}`. */
export const rowKey = systemKey;

/** The tasks of a study as the page runs it: no real data in the page, the quick size. */
export function pageTasks(def: StudyDefinition): readonly StudyTask[] {
  return def.tasks({ has: () => false, quick: true });
}

/** The definition of a study; undefined for an id the registry does not have. */
export function studyOf(id: string | null, studies: Readonly<Record<string, StudyDefinition>> = STUDIES): StudyDefinition | undefined {
  return id !== null && Object.hasOwn(studies, id) ? studies[id] : undefined;
}

/** A system of the open study by its row key. */
export function systemOf(def: StudyDefinition, key: string): StudySystem | undefined {
  for (const t of pageTasks(def)) for (const s of t.systems) if (rowKey(t.id, s.system) === key) return s;
  return undefined;
}

/**
 * Opens a study in the Study tab. A different study than the one open drops the last result and
 * changed workspaces (they were that study's); `workspaces` (from a link) are this one's.
 */
export function openStudy(store: typeof useStore, id: string, workspaces: Readonly<Record<string, Workspace>> = {}, studies: Readonly<Record<string, StudyDefinition>> = STUDIES): void {
  if (!Object.hasOwn(studies, id)) throw new Error(`no study '${id}'`);
  const st = store.getState();
  const same = st.studyId === id;
  st.setStudy({
    studyId: id,
    ...(same ? {} : { studyResult: null, studyStatus: 'idle', studyProgress: null, studyError: null, studyErrorDetail: null, studyOpenedRow: null, studyOffloadTask: null, studyOffloadViews: {} }),
    studyWorkspaces: same ? { ...st.studyWorkspaces, ...workspaces } : workspaces,
  });
  st.setCenterView('study');
}

/** Closes the study view (back to the spike views); its result and changes stay until another study opens. */
export function closeStudy(store: typeof useStore): void {
  captureChangedRow(store);
  store.getState().setStudy({ studyId: null, studyOpenedRow: null });
  if (store.getState().centerView === 'study') store.getState().setCenterView('spikes');
}

/**
 * If the current workspace is a study row's, opened from the study and changed since, keeps it as
 * that row's workspace for the next run. A workspace replaced by another one (a preset, a link)
 * since is no longer the row's, and is left alone.
 */
export function captureChangedRow(store: typeof useStore): void {
  const st = store.getState();
  const opened = st.studyOpenedRow;
  if (!opened || !st.workspace || st.docId !== opened.docId) return;
  if (JSON.stringify(st.workspace) === opened.shown) return;
  st.setStudy({ studyWorkspaces: { ...st.studyWorkspaces, [opened.key]: st.workspace } });
}

/**
 * Loads a row's workspace (the changed one if the user changed it, else the definition's) as the
 * current workspace, undoable like a preset load, and shows its graph and raster.
 */
export async function openStudyRow(store: typeof useStore, key: string, studies: Readonly<Record<string, StudyDefinition>> = STUDIES): Promise<string> {
  const st = store.getState();
  const def = studyOf(st.studyId, studies);
  const sys = def ? systemOf(def, key) : undefined;
  if (!sys) return `the study has no system '${key}'`;
  captureChangedRow(store);
  const ws = store.getState().studyWorkspaces[key] ?? sys.workspace;
  const said = await openPreset(store, ws, `open study system ${sys.system}`);
  const now = store.getState();
  now.setStudy({ studyOpenedRow: { key, docId: now.docId, shown: JSON.stringify(now.workspace) } });
  now.setCenterView('spikes');
  return said;
}

/** Back to the study view: the row's workspace, if changed, is kept for the next run. */
export function backToStudy(store: typeof useStore): void {
  captureChangedRow(store);
  store.getState().setCenterView('study');
}

/** A workspace's distillation setting: the temperature and the mixing weight (spec/trainingConfig.ts). */
export type Distillation = NonNullable<NonNullable<Workspace['training']>['distillation']>;

/** A system of the open study that learns from a teacher, and the workspace the next run would use for it. */
export interface StudentRow {
  readonly key: string;
  readonly task: StudyTask;
  readonly system: StudySystem;
  readonly workspace: Workspace;
}

/** The study's students (systems with a `teacher`), each with its changed workspace if the user changed it. */
export function studentsOf(def: StudyDefinition, changed: Readonly<Record<string, Workspace>>): StudentRow[] {
  return pageTasks(def).flatMap((task) =>
    task.systems.filter((s) => s.teacher !== undefined).map((system) => {
      const key = rowKey(task.id, system.system);
      return { key, task, system, workspace: changed[key] ?? system.workspace };
    }),
  );
}

/**
 * Sets a student's distillation for the next run, kept as that row's changed workspace (as an
 * opened and edited row is). Back at the definition's exact workspace, the row is no longer
 * changed. A row opened as the current workspace is first captured, then let go: this edit is
 * newer than the open copy, which must not overwrite it on the next run.
 */
export function setRowDistillation(store: typeof useStore, key: string, distillation: Distillation, studies: Readonly<Record<string, StudyDefinition>> = STUDIES): void {
  const def = studyOf(store.getState().studyId, studies);
  const sys = def ? systemOf(def, key) : undefined;
  if (!sys?.teacher) throw new Error(`the study has no system '${key}' that learns from a teacher`);
  captureChangedRow(store);
  const st = store.getState();
  const base = st.studyWorkspaces[key] ?? sys.workspace;
  if (!base.training) throw new Error(`'${sys.system}' has no training configuration to distil with`);
  const next: Workspace = { ...base, training: { ...base.training, distillation: { temperature: distillation.temperature, weight: distillation.weight } } };
  const rest = Object.fromEntries(Object.entries(st.studyWorkspaces).filter(([k]) => k !== key));
  const same = JSON.stringify(next) === JSON.stringify(sys.workspace);
  st.setStudy({ studyWorkspaces: same ? rest : { ...rest, [key]: next }, ...(st.studyOpenedRow?.key === key ? { studyOpenedRow: null } : {}) });
}

/** Forgets the user's change to a row's workspace: the next run uses the definition's. */
export function resetRow(store: typeof useStore, key: string): void {
  const rest = Object.fromEntries(Object.entries(store.getState().studyWorkspaces).filter(([k]) => k !== key));
  store.getState().setStudy({ studyWorkspaces: rest });
}

/**
 * Runs the open study in the training worker at the page's quick size, with the changed
 * workspaces, and shows its progress and result. stopOpenStudy ends it without a result.
 */
export async function runOpenStudy(store: typeof useStore, runner: StudyRunner): Promise<void> {
  captureChangedRow(store);
  const st = store.getState();
  const id = st.studyId;
  if (!id || st.studyStatus === 'running') return;
  // In the store, not the view: the Study tab may be left and opened again while it runs.
  const jobId = `study-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  st.setStudy({ studyStatus: 'running', studyJobId: jobId, studyProgress: null, studyError: null, studyErrorDetail: null });
  try {
    const result = await runner.runStudy(jobId, id, { quick: true, workspaces: st.studyWorkspaces }, (p) => store.getState().setStudy({ studyProgress: p }));
    // The user may have opened another study meanwhile: this result is not that one's.
    if (store.getState().studyId === id) store.getState().setStudy({ studyStatus: 'done', studyResult: result, studyProgress: null });
  } catch (e) {
    if (e instanceof CancelledError) {
      store.getState().setStudy({ studyStatus: 'stopped', studyProgress: null });
      return;
    }
    const shown = explainError(e, 'running the study');
    store.getState().setStudy({ studyStatus: 'error', studyProgress: null, studyError: shown.message, studyErrorDetail: shown.detail ?? null });
  } finally {
    if (store.getState().studyJobId === jobId) store.getState().setStudy({ studyJobId: null });
  }
}

/** Stops the running study (after the system it is training); its result is not shown. */
export function stopOpenStudy(store: typeof useStore, runner: StudyRunner): void {
  const jobId = store.getState().studyJobId;
  if (jobId) runner.stop(jobId);
}
