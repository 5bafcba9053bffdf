import type { NeuronSpec } from '../neurons/index.ts';
import { runPlayground } from './playgroundRun.ts';

/** Where to measure an f–I curve: `points` constant currents evenly from `fromI` to `toI`, each held for `durationMs`. */
export interface FiCurveOptions {
  readonly fromI: number;
  readonly toI: number;
  readonly points: number;
  readonly durationMs: number;
  readonly dtMs: number;
}

/** Steady-state firing rate against constant input current, with the smallest current that keeps the neuron firing. */
export interface FiCurve {
  readonly currents: readonly number[];
  readonly ratesHz: readonly number[];
  /** The rheobase, found by bisection between the last silent and the first firing point; null when no point fires. */
  readonly rheobase: number | null;
}

/**
 * Steady-state rate in Hz under a constant current held for the whole run: the spikes of the run's
 * second half over its length (graded spikes count in full). The first half is left out so the
 * onset transient (a first spike from the resting state, a burst before adaptation) does not count.
 */
export function rateUnder(neuron: NeuronSpec, current: number, durationMs: number, dtMs: number): number {
  const run = runPlayground({ neuron, input: { kind: 'step', amplitude: current, startMs: 0, endMs: durationMs }, durationMs, dtMs, pair: null });
  const from = Math.floor(run.steps / 2);
  let spikes = 0;
  run.first.spikeSteps.forEach((t, k) => {
    if (t >= from) spikes += run.first.spikeSizes[k] as number;
  });
  return spikes / (((run.steps - from) * dtMs) / 1000);
}

/** Bisection steps for the rheobase: the interval shrinks to 1/4096 of the grid spacing. */
const BISECTIONS = 12;

/** The f–I curve of a neuron: its rate at each current of the grid, and the rheobase between grid points. */
export function fiCurve(neuron: NeuronSpec, o: FiCurveOptions): FiCurve {
  if (!(o.points >= 2) || !Number.isInteger(o.points)) throw new Error(`an f–I curve needs a whole number of at least 2 points (got ${o.points})`);
  if (!(o.toI > o.fromI)) throw new Error(`an f–I curve needs toI above fromI (got ${o.fromI} to ${o.toI})`);
  const currents = Array.from({ length: o.points }, (_, k) => o.fromI + ((o.toI - o.fromI) * k) / (o.points - 1));
  const ratesHz = currents.map((i) => rateUnder(neuron, i, o.durationMs, o.dtMs));
  const first = ratesHz.findIndex((r) => r > 0);
  if (first < 0) return { currents, ratesHz, rheobase: null };
  if (first === 0) return { currents, ratesHz, rheobase: currents[0] as number };
  let lo = currents[first - 1] as number;
  let hi = currents[first] as number;
  for (let k = 0; k < BISECTIONS; k++) {
    const mid = (lo + hi) / 2;
    if (rateUnder(neuron, mid, o.durationMs, o.dtMs) > 0) hi = mid;
    else lo = mid;
  }
  return { currents, ratesHz, rheobase: hi };
}
