import { create } from 'zustand';
import { createDocSlice, type DocSlice } from './docSlice.ts';
import { createChipSlice, type ChipSlice } from './chipSlice.ts';
import { createFilesSlice, type FilesSlice } from './filesSlice.ts';
import { createTrainSlice, type TrainSlice } from './trainSlice.ts';
import { createAutosaveSlice, type AutosaveSlice } from './autosaveSlice.ts';
import { createLinkSlice, type LinkSlice } from './linkSlice.ts';
import { createNoticeSlice, type NoticeSlice } from './noticeSlice.ts';
import { createRecoverySlice, type RecoverySlice } from './recoverySlice.ts';
import { createGraphSlice, type GraphSlice } from './graphSlice.ts';
import { createHistorySlice, type HistorySlice } from './historySlice.ts';
import { createRunSlice, type RunSlice } from './runSlice.ts';
import { createRunsSlice, type RunsSlice } from './runsSlice.ts';
import { createStudySlice, type StudySlice } from './studySlice.ts';
import { createViewSlice, type ViewSlice } from './viewSlice.ts';
import { createPlaygroundSlice, type PlaygroundSlice } from './playgroundSlice.ts';
import { createLessonSlice, type LessonSlice } from './lessonSlice.ts';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspaceSlice.ts';

/** The one UI store, made of typed slices (STYLE.md 20). */
export type Store = WorkspaceSlice & HistorySlice & RunSlice & ViewSlice & FilesSlice & TrainSlice & ChipSlice & LinkSlice & AutosaveSlice & DocSlice & NoticeSlice & RecoverySlice & GraphSlice & RunsSlice & StudySlice & PlaygroundSlice & LessonSlice;

/** Creates a store; the app uses one, tests make fresh ones. */
export const createStore = () =>
  create<Store>()((...a) => ({
    ...createWorkspaceSlice(...a),
    ...createHistorySlice(...a),
    ...createRunSlice(...a),
    ...createViewSlice(...a),
    ...createFilesSlice(...a),
    ...createTrainSlice(...a),
    ...createChipSlice(...a),
    ...createLinkSlice(...a),
    ...createAutosaveSlice(...a),
    ...createDocSlice(...a),
    ...createNoticeSlice(...a),
    ...createRecoverySlice(...a),
    ...createGraphSlice(...a),
    ...createRunsSlice(...a),
    ...createStudySlice(...a),
    ...createPlaygroundSlice(...a),
    ...createLessonSlice(...a),
  }));

/** The app's store. */
export const useStore = createStore();
