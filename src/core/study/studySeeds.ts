import { summarizeRuns, type Spread } from '../train/seedSummary.ts';
import type { StudyResult, StudyRow } from './studyTypes.ts';

/** One system over several seeds: its rows, seed by seed, and the spread of each figure. */
export interface StudyRowSpread {
  readonly task: string;
  readonly system: string;
  readonly role: StudyRow['role'];
  readonly device: string;
  readonly seeds: readonly number[];
  /** Spread of every figure all seeds report (an energy a device could not cost is left out). */
  readonly spread: Readonly<Record<string, Spread>>;
}

/**
 * The spread of a study over seeds: the same systems run once per seed (runStudy with `seed`),
 * each figure of each system summarised over the runs (train/seedSummary.ts), so a difference
 * between a system and its baseline can be read against the seeds' own spread.
 */
export function studySpread(runs: readonly StudyResult[]): StudyRowSpread[] {
  const first = runs[0];
  if (!first) throw new RangeError('no study runs to summarise');
  return first.rows.map((row, i) => {
    const same = runs.map((r) => {
      const x = r.rows[i];
      if (!x || x.system !== row.system || x.task !== row.task) throw new RangeError(`the runs of study '${first.study}' differ in their systems at row ${i + 1}`);
      return { ...x, seed: r.seed, energy_range_j: null, other_devices: [], notes: [] };
    });
    return { task: row.task, system: row.system, role: row.role, device: row.device, seeds: runs.map((r) => r.seed), spread: summarizeRuns(same) };
  });
}
