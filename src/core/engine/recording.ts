import type { EventAllowance } from './eventAllowance.ts';

/**
 * The one spike format of the workbench (ARCHITECTURE.md rule 4): a recorded population is
 * `{neurons, steps, times, ids}` sorted by time, compact and transferable. A graded spike (a count
 * of k, e.g. from SSF) appears as k identical (time, id) entries.
 */
export interface SpikeTrain {
  readonly neurons: number;
  readonly steps: number;
  readonly times: Uint32Array;
  readonly ids: Uint32Array;
}

/**
 * Appends spikes step by step into growable typed arrays; `finish()` trims them. With an allowance
 * (eventAllowance.ts) it stores only the spikes the run's budget grants, never grows its arrays past
 * what the budget leaves, and keeps counting the rest in `offered`.
 */
export class SpikeTrainBuilder {
  private times = new Uint32Array(1024);
  private ids = new Uint32Array(1024);
  private length = 0;
  private total = 0;
  constructor(
    readonly neurons: number,
    readonly steps: number,
    private readonly allowance?: EventAllowance,
    private readonly layer = '',
  ) {}

  /** Records `count` spikes of neuron `id` at step `t` (t must not decrease between calls). */
  push(t: number, id: number, count = 1): void {
    this.total += count;
    const n = this.allowance ? this.allowance.take(count, t, this.layer) : count;
    if (!(n > 0)) return;
    const end = this.length + n;
    if (end > this.times.length) this.grow(end);
    this.times.fill(t, this.length, end);
    this.ids.fill(id, this.length, end);
    this.length = end;
  }

  /** Records every non-zero entry of `values[offset … offset+neurons)` at step t. */
  pushDense(t: number, values: ArrayLike<number>, offset = 0): void {
    for (let i = 0; i < this.neurons; i++) {
      const v = values[offset + i] as number;
      if (v > 0) this.push(t, i, Math.round(v));
    }
  }

  /** Number of spikes stored so far. */
  get count(): number {
    return this.length;
  }

  /** Number of spikes pushed so far, stored or not (the whole run's count once the budget is spent). */
  get offered(): number {
    return this.total;
  }

  /** The finished train (arrays trimmed to length; the builder must not be used afterwards). */
  finish(): SpikeTrain {
    // Full arrays (a recording that filled its budget) are handed over as they are, not copied.
    if (this.length === this.times.length) return { neurons: this.neurons, steps: this.steps, times: this.times, ids: this.ids };
    return { neurons: this.neurons, steps: this.steps, times: this.times.slice(0, this.length), ids: this.ids.slice(0, this.length) };
  }

  /** Doubles the arrays (at least to `needed`), but never past what the allowance can still grant. */
  private grow(needed: number): void {
    const cap = this.allowance ? needed + this.allowance.remaining : Infinity;
    const size = Math.max(needed, Math.min(this.times.length * 2, cap));
    const times = new Uint32Array(size);
    times.set(this.times.subarray(0, this.length));
    const ids = new Uint32Array(size);
    ids.set(this.ids.subarray(0, this.length));
    this.times = times;
    this.ids = ids;
  }
}

/** Spike count per neuron of a train. */
export function spikeCountsPerNeuron(train: SpikeTrain): Uint32Array {
  const counts = new Uint32Array(train.neurons);
  for (let i = 0; i < train.ids.length; i++) counts[train.ids[i] as number]! += 1;
  return counts;
}

/** Index of the first spike at or after step t (binary search over the sorted times). */
export function firstSpikeAtOrAfter(train: SpikeTrain, t: number): number {
  let lo = 0;
  let hi = train.times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((train.times[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
