import type { StateCreator } from 'zustand';
import type { ClassMetrics } from '../../core/train/metrics.ts';
import type { TestCoverage } from '../../core/train/testScoring.ts';
import type { EpochReport } from '../../core/train/trainer.ts';
import type { Store } from './index.ts';

/** Where a running training job is: building its data sets, training batches, or scoring the test set. */
export interface TrainProgress {
  readonly phase: 'prepare' | 'train' | 'test';
  readonly done: number;
  readonly total: number;
  /** When this phase's first report arrived (Date.now()): the ETA counts from here. */
  readonly since: number;
}

/** Training state: small values only; the trained weights live in the artefact store. */
export interface TrainSlice {
  /** 'stopped': Stop came before the first epoch finished, so the previous weights stay. */
  trainStatus: 'idle' | 'training' | 'paused' | 'done' | 'stopped' | 'error';
  epochs: EpochReport[];
  /** Batches done / total in the current epoch. */
  batchProgress: number;
  trainProgress: TrainProgress | null;
  trainStartedAt: number;
  trainError: string | null;
  /** The raw engine text behind trainError, for a details fold (explainError). */
  trainErrorDetail: string | null;
  testMetrics: ClassMetrics | null;
  testCoverage: TestCoverage | null;
  /** Class names of the test metrics, in label order. */
  testClasses: readonly string[];
  trainInfo: string | null;
  /** What the last finished training ran on (the BPTT kernel or a tfjs backend): the engine a training figure is stamped with. */
  trainBackend: string | null;
  /** Train on the workspace's whole heartbeat set rather than the page's quick size (pageTrainingSize.ts). */
  trainFull: boolean;
  /** Artefact id of the trained weights and the network they fit (JSON of the spec). */
  weightsId: string | null;
  weightsNetwork: string | null;
  setTrain(patch: Partial<Omit<TrainSlice, 'setTrain'>>): void;
}

export const createTrainSlice: StateCreator<Store, [], [], TrainSlice> = (set) => ({
  trainStatus: 'idle',
  epochs: [],
  batchProgress: 0,
  trainProgress: null,
  trainStartedAt: 0,
  trainError: null,
  trainErrorDetail: null,
  testMetrics: null,
  testCoverage: null,
  testClasses: [],
  trainInfo: null,
  trainBackend: null,
  trainFull: false,
  weightsId: null,
  weightsNetwork: null,
  setTrain: (patch) => set(patch),
});
