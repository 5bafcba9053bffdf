import { MAX_CURVE_POINTS, MAX_RUNS, runRecordSchema, type RunCurvePoint, type RunEnergy, type RunRecord, type RunSettings } from '../spec/runRecord.ts';
import type { ClassMetrics } from './metrics.ts';
import type { EpochReport } from './trainer.ts';

/** Four significant digits: what the table and curves show, and a third of the JSON of full doubles. */
const round = (v: number): number => (Number.isFinite(v) ? Number(v.toPrecision(4)) : v);
const fraction = (v: number): number => Math.min(1, Math.max(0, round(v)));

/** At most MAX_CURVE_POINTS epochs, evenly spaced, the first and last kept (each point names its epoch). */
export function thinCurve<T>(points: readonly T[], max = MAX_CURVE_POINTS): T[] {
  if (points.length <= max) return [...points];
  return Array.from({ length: max }, (_, i) => points[Math.round((i * (points.length - 1)) / (max - 1))] as T);
}

/** What a finished training reports, for its run record. */
export interface FinishedTraining {
  readonly id: string;
  readonly seed: number;
  readonly startedAt: number;
  readonly settings: RunSettings;
  readonly history: readonly EpochReport[];
  /** The kept epoch, from 0 (TrainReply.bestEpoch). */
  readonly bestEpoch: number;
  readonly test: ClassMetrics;
  readonly energy: RunEnergy;
  /** Stop cut the training (or the scoring of its test set) short (TrainReply.cancelled). */
  readonly cancelled: boolean;
}

/**
 * The run record of a finished training, validated by the schema (a training that reports no
 * finished epoch has no record: it throws RangeError).
 */
export function makeRunRecord(t: FinishedTraining): RunRecord {
  const best = t.history[t.bestEpoch];
  if (!best) throw new RangeError(`the best epoch ${t.bestEpoch + 1} is not among the ${t.history.length} reported`);
  const curve: RunCurvePoint[] = t.history.map((e, i) => ({ epoch: i + 1, loss: round(e.loss), valLoss: round(e.valLoss), trainAccuracy: fraction(e.trainAccuracy), valAccuracy: fraction(e.valAccuracy) }));
  return runRecordSchema.parse({
    id: t.id,
    seed: t.seed,
    startedAt: t.startedAt,
    settings: t.settings,
    // Not `history.length < epochs`: early stopping (patience) ends a run early without a Stop.
    stopped: t.cancelled,
    bestEpoch: t.bestEpoch + 1,
    curve: thinCurve(curve),
    testAccuracy: fraction(t.test.accuracy),
    macroF1: fraction(t.test.macroF1),
    spikesPerSample: round(Object.values(best.layerSpikes).reduce((a, v) => a + v, 0)),
    energy: t.energy,
  });
}

/** The runs with `run` added in order of start, the oldest dropped beyond `max` (MAX_RUNS). */
export function appendRun(runs: readonly RunRecord[] | undefined, run: RunRecord, max = MAX_RUNS): RunRecord[] {
  return insertRuns(runs, [run], max);
}

/** The runs with `added` put back in order of start (an id already there is not doubled), at most `max`. */
export function insertRuns(runs: readonly RunRecord[] | undefined, added: readonly RunRecord[], max = MAX_RUNS): RunRecord[] {
  const ids = new Set((runs ?? []).map((r) => r.id));
  const all = [...(runs ?? []), ...added.filter((r) => !ids.has(r.id))].sort((a, b) => a.startedAt - b.startedAt);
  return all.slice(Math.max(0, all.length - max));
}

/** The runs without those whose id is in `ids`. */
export function removeRuns(runs: readonly RunRecord[] | undefined, ids: readonly string[]): RunRecord[] {
  const gone = new Set(ids);
  return (runs ?? []).filter((r) => !gone.has(r.id));
}
