/**
 * Signatures of the firing patterns the lessons name, read from a neuron's spike steps alone (so a
 * check sees exactly what the student's trace shows). Pure arithmetic on intervals.
 */

/** Inter-spike intervals in steps. */
export function interSpikeIntervals(spikeSteps: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < spikeSteps.length; i++) out.push((spikeSteps[i] as number) - (spikeSteps[i - 1] as number));
  return out;
}

/**
 * Adaptation ratio: the last interval over the first. Above 1 the neuron slows down under a
 * constant input (spike-frequency adaptation); a regular neuron gives 1. Null with fewer than 3 spikes.
 */
export function adaptationRatio(spikeSteps: readonly number[]): number | null {
  const isi = interSpikeIntervals(spikeSteps);
  if (isi.length < 2) return null;
  return (isi[isi.length - 1] as number) / (isi[0] as number);
}

/**
 * Bursts: runs of at least 2 spikes whose intervals are short against the pauses between runs.
 * The cut between "in a burst" and "a pause" is the geometric mean of the shortest and longest
 * interval, and only when the longest is at least 3 times the shortest (a regular train has none).
 */
export function burstCount(spikeSteps: readonly number[]): number {
  const isi = interSpikeIntervals(spikeSteps);
  if (isi.length < 2) return 0;
  const lo = Math.min(...isi);
  const hi = Math.max(...isi);
  if (hi < 3 * lo) return 0;
  const cut = Math.sqrt(lo * hi);
  let bursts = 0;
  let run = 1;
  for (const d of isi) {
    if (d < cut) run++;
    else {
      if (run >= 2) bursts++;
      run = 1;
    }
  }
  return run >= 2 ? bursts + 1 : bursts;
}

/** Spread of the intervals: standard deviation over mean (0 for a perfectly regular train). Null with fewer than 3 spikes. */
export function intervalVariation(spikeSteps: readonly number[]): number | null {
  const isi = interSpikeIntervals(spikeSteps);
  if (isi.length < 2) return null;
  const mean = isi.reduce((a, b) => a + b, 0) / isi.length;
  const sd = Math.sqrt(isi.reduce((a, b) => a + (b - mean) ** 2, 0) / isi.length);
  return sd / mean;
}
