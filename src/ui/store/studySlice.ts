import type { StateCreator } from 'zustand';
import type { LinkModel } from '../../core/hardware/linkModel.ts';
import type { StudyProgress } from '../../core/study/runStudy.ts';
import type { Workspace } from '../../core/spec/workspace.ts';
import type { StudyResult } from '../../core/study/studyTypes.ts';
import type { Store } from './index.ts';

/** Where a running study is (runStudy's StudyProgress, as the worker forwards it). */
export type StudyProgressShown = StudyProgress;

/** A study row's workspace opened as the current workspace: what it looked like then, in which saved entry. */
export interface OpenedStudyRow {
  /** `${task}/${system}`. */
  readonly key: string;
  readonly docId: string | null;
  /** JSON of the workspace as it was opened: anything else is the user's change. */
  readonly shown: string;
}

/**
 * The offload panel of one task as the user left it: the slider's threshold and the link edited
 * (absent = the result's operating threshold and default link).
 */
export interface OffloadView {
  readonly threshold?: number;
  readonly link?: LinkModel;
}

/**
 * The study open in the page (the Study tab), its last result and the workspaces the user
 * changed. Small values only; a result is a few dozen numbers.
 */
export interface StudySlice {
  /** Id of the study open (a key of STUDIES), or null. */
  studyId: string | null;
  studyStatus: 'idle' | 'running' | 'done' | 'stopped' | 'error';
  studyProgress: StudyProgressShown | null;
  /** The running study's job id in the training worker (Stop reaches it from any view), or null. */
  studyJobId: string | null;
  studyResult: StudyResult | null;
  studyError: string | null;
  studyErrorDetail: string | null;
  /** Workspaces changed in the page, by `${task}/${system}`: a re-run uses them (StudyRunOptions.workspaces). */
  studyWorkspaces: Readonly<Record<string, Workspace>>;
  /** The row whose workspace is the current one, until the user goes back to the study. */
  studyOpenedRow: OpenedStudyRow | null;
  /** The task whose offloading the offload panel shows (null = the result's first). */
  studyOffloadTask: string | null;
  /** Per task, the offload slider and link edits: kept across tab switches and re-runs, dropped with the study. */
  studyOffloadViews: Readonly<Record<string, OffloadView>>;
  setStudy(patch: Partial<Omit<StudySlice, 'setStudy'>>): void;
}

export const createStudySlice: StateCreator<Store, [], [], StudySlice> = (set) => ({
  studyId: null,
  studyStatus: 'idle',
  studyProgress: null,
  studyJobId: null,
  studyResult: null,
  studyError: null,
  studyErrorDetail: null,
  studyWorkspaces: {},
  studyOpenedRow: null,
  studyOffloadTask: null,
  studyOffloadViews: {},
  setStudy: (patch) => set(patch),
});
