import type { RunRecord, RunSettings } from '../spec/runRecord.ts';
import { differingSettings, settingsKey } from './runSettings.ts';
import { compareSpreads, summarize, type Spread, type SpreadVerdict } from './seedSummary.ts';

/** The runs of one settings group (two or more, differing only in their seed) and their spread. */
export interface RunGroup {
  readonly settings: RunSettings;
  readonly runIds: readonly string[];
  /** The settings that differ from the workspace's now ("epochs 8 (now 4)"); empty: trained as it reads now. */
  readonly differs: readonly string[];
  readonly accuracy: Spread;
  readonly macroF1: Spread;
  /** Energy per inference, J; absent when a run of the group could not be mapped. */
  readonly energyJ?: Spread;
  /**
   * Test accuracy against the reference group (the first: trained as the workspace reads now, else
   * the newest): 'within the spread' when the means differ by less than the larger sd. Absent on
   * the reference group itself.
   */
  readonly versusReference?: SpreadVerdict;
}

/**
 * The groups of two or more runs that share their settings (and engine), for the table's mean ± sd
 * rows: the reference group first, then the others newest first. Stopped runs stay out (their
 * figures are of fewer epochs than their settings say).
 */
export function runGroups(runs: readonly RunRecord[], now: RunSettings | undefined): RunGroup[] {
  const byKey = new Map<string, RunRecord[]>();
  for (const r of runs) {
    if (r.stopped) continue;
    const k = settingsKey(r.settings);
    byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  const groups = [...byKey.values()]
    .filter((g) => g.length >= 2)
    .map((g) => ({ g, latest: Math.max(...g.map((r) => r.startedAt)), differs: differingSettings((g[0] as RunRecord).settings, now) }))
    .sort((a, b) => Number(b.differs.length === 0) - Number(a.differs.length === 0) || b.latest - a.latest);
  const summarized = groups.map(({ g, differs }) => {
    const joules = g.map((r) => r.energy.joules);
    const energy = joules.every((j): j is number => j !== null) ? { energyJ: summarize(joules) } : {};
    return { settings: (g[0] as RunRecord).settings, runIds: g.map((r) => r.id), differs, accuracy: summarize(g.map((r) => r.testAccuracy)), macroF1: summarize(g.map((r) => r.macroF1)), ...energy };
  });
  const reference = summarized[0];
  return summarized.map((s, i) => (i === 0 || !reference ? s : { ...s, versusReference: compareSpreads(s.accuracy, reference.accuracy) }));
}

/** "within the spread of", "higher than", "lower than": how a group's accuracy reads against the reference. */
export function verdictWords(v: SpreadVerdict): string {
  return v === 'within the spread' ? 'within the spread of' : `${v} than`;
}
