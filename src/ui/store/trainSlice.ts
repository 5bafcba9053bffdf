import type { StateCreator } from 'zustand';
import type { ClassMetrics } from '../../core/train/metrics.ts';
import type { EpochReport } from '../../core/train/trainer.ts';
import type { Store } from './index.ts';

/** Training state: small values only; the trained weights live in the artefact store. */
export interface TrainSlice {
  trainStatus: 'idle' | 'training' | 'paused' | 'done' | 'error';
  epochs: EpochReport[];
  /** Batches done / total in the current epoch. */
  batchProgress: number;
  trainStartedAt: number;
  trainError: string | null;
  testMetrics: ClassMetrics | null;
  /** Class names of the test metrics, in label order. */
  testClasses: readonly string[];
  trainInfo: string | null;
  /** Artefact id of the trained weights and the network they fit (JSON of the spec). */
  weightsId: string | null;
  weightsNetwork: string | null;
  setTrain(patch: Partial<Omit<TrainSlice, 'setTrain'>>): void;
}

export const createTrainSlice: StateCreator<Store, [], [], TrainSlice> = (set) => ({
  trainStatus: 'idle',
  epochs: [],
  batchProgress: 0,
  trainStartedAt: 0,
  trainError: null,
  testMetrics: null,
  testClasses: [],
  trainInfo: null,
  weightsId: null,
  weightsNetwork: null,
  setTrain: (patch) => set(patch),
});
