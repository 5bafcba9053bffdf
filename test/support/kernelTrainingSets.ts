// Small seeded labelled sets that exercise every input path of the BPTT kernel: spike timing
// (binary events), real values, a held (static) vector, event frames (conv) and spectra (1-D conv).
import { createRng } from '../../src/core/rng.ts';
import type { LabelledSet } from '../../src/core/train/trainer.ts';

/** XOR of spike timing: groups A and B fire early or late; class = A xor B. */
export function xorSet(n: number, seed: number, real = false): LabelledSet {
  const rng = createRng(seed, 'xor');
  const steps = 20;
  const neurons = 10;
  const inputs: Float32Array[] = [];
  const labels = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    const aEarly = rng.next() < 0.5;
    const bEarly = rng.next() < 0.5;
    const x = new Float32Array(steps * neurons);
    for (let i = 0; i < 10; i++) x[((i < 5 ? aEarly : bEarly) ? 2 : 12) * neurons + rng.int(3) * neurons + i] = real ? Math.fround(0.5 + rng.next()) : 1;
    inputs.push(x);
    labels[s] = aEarly !== bEarly ? 1 : 0;
  }
  return { inputs, labels, steps, neurons, classes: 2 };
}

/** Static vectors held for every step (as the beat-window ECG workspaces): class = which half is larger. */
export function heldSet(n: number, seed: number): LabelledSet {
  const rng = createRng(seed, 'held');
  const neurons = 10;
  const inputs = Array.from({ length: n }, () => Float32Array.from({ length: neurons }, () => (rng.next() < 0.2 ? 0 : Math.fround(rng.next()))));
  const labels = Int32Array.from(inputs, (x) => (x.slice(0, 5).reduce((a, v) => a + v, 0) > x.slice(5).reduce((a, v) => a + v, 0) ? 1 : 0));
  return { inputs, labels, steps: 8, neurons, classes: 2, held: true };
}

/** 8×8×2 event frames over 10 steps: a vertical bar on the left (class 0) or right half, random polarity, with noise. */
export function frameSet(n: number, seed: number): LabelledSet {
  const rng = createRng(seed, 'frames');
  const steps = 10;
  const neurons = 8 * 8 * 2;
  const inputs: Float32Array[] = [];
  const labels = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    const right = rng.next() < 0.5;
    const col = (right ? 4 : 0) + rng.int(4);
    const x = new Float32Array(steps * neurons);
    for (let t = 0; t < steps; t++)
      for (let y = 0; y < 8; y++) {
        if (rng.next() < 0.6) x[t * neurons + (y * 8 + col) * 2 + rng.int(2)] = 1;
        if (rng.next() < 0.1) x[t * neurons + (y * 8 + rng.int(8)) * 2 + rng.int(2)] = 1;
      }
    inputs.push(x);
    labels[s] = right ? 1 : 0;
  }
  return { inputs, labels, steps, neurons, classes: 2 };
}

/** 12-band real-valued spectra over 6 steps: energy low (class 0) or high in the bands. */
export function spectrumSet(n: number, seed: number): LabelledSet {
  const rng = createRng(seed, 'spectra');
  const steps = 6;
  const neurons = 12;
  const inputs: Float32Array[] = [];
  const labels = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    const high = rng.next() < 0.5;
    const x = new Float32Array(steps * neurons);
    for (let t = 0; t < steps; t++)
      for (let i = 0; i < neurons; i++) x[t * neurons + i] = Math.fround(0.3 * rng.next() + ((i >= 6) === high ? 0.8 * rng.next() : 0));
    inputs.push(x);
    labels[s] = high ? 1 : 0;
  }
  return { inputs, labels, steps, neurons, classes: 2 };
}
