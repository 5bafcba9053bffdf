import type { StateCreator } from 'zustand';
import type { Violation } from '../../core/errors.ts';
import type { ChipProfile } from '../../core/hardware/chipProfile.ts';
import type { Store } from './index.ts';

/** Which mapping is on screen: its artefact id, and the chip and seed it was made with. */
export interface MappingRef {
  readonly id: string;
  readonly chip: string;
  readonly seed: number;
}

/**
 * State of the chip-mapping job. The MappingResult itself (thousands of cores on TrueNorth) lives
 * in `mappingArtifacts` (mappingController.ts); the store keeps its id and the job's progress.
 */
export interface ChipSlice {
  /** The built-in chip profiles, fetched once from the worker. */
  chips: readonly ChipProfile[];
  mapStatus: 'idle' | 'running' | 'done' | 'error' | 'cancelled';
  /** Stage of the running job ('simulate', 'partition', 'placement', 'energy') and its overall fraction 0 … 1. */
  mapStage: string;
  mapFraction: number;
  mapError: string | null;
  /** Violations carried by a rejected job (a MappingError), when the result itself is missing. */
  mapErrorViolations: readonly Violation[];
  mapping: MappingRef | null;
  /** The mapping shown before the current one, to compare annealer curves across seeds. */
  previousMapping: MappingRef | null;
  setChips(chips: readonly ChipProfile[]): void;
  setMapping(patch: Partial<Omit<ChipSlice, 'setChips' | 'setMapping'>>): void;
}

export const createChipSlice: StateCreator<Store, [], [], ChipSlice> = (set) => ({
  chips: [],
  mapStatus: 'idle',
  mapStage: '',
  mapFraction: 0,
  mapError: null,
  mapErrorViolations: [],
  mapping: null,
  previousMapping: null,
  setChips: (chips) => set({ chips }),
  setMapping: (patch) => set(patch),
});
