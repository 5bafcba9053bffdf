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

/** Appends spikes step by step into growable typed arrays; `finish()` trims them. */
export class SpikeTrainBuilder {
  private times = new Uint32Array(1024);
  private ids = new Uint32Array(1024);
  private length = 0;
  constructor(
    readonly neurons: number,
    readonly steps: number,
  ) {}

  /** Records `count` spikes of neuron `id` at step `t` (t must not decrease between calls). */
  push(t: number, id: number, count = 1): void {
    for (let c = 0; c < count; c++) {
      if (this.length === this.times.length) this.grow();
      this.times[this.length] = t;
      this.ids[this.length] = id;
      this.length++;
    }
  }

  /** Records every non-zero entry of `values[offset … offset+neurons)` at step t. */
  pushDense(t: number, values: ArrayLike<number>, offset = 0): void {
    for (let i = 0; i < this.neurons; i++) {
      const v = values[offset + i] as number;
      if (v > 0) this.push(t, i, Math.round(v));
    }
  }

  /** Number of spikes so far. */
  get count(): number {
    return this.length;
  }

  /** The finished train (arrays trimmed to length; the builder must not be used afterwards). */
  finish(): SpikeTrain {
    return { neurons: this.neurons, steps: this.steps, times: this.times.slice(0, this.length), ids: this.ids.slice(0, this.length) };
  }

  private grow(): void {
    const times = new Uint32Array(this.times.length * 2);
    times.set(this.times);
    const ids = new Uint32Array(this.ids.length * 2);
    ids.set(this.ids);
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
