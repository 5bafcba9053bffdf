// Sparse (CSR) synapses with inputs drawn inside the kernel: WORKLOADS.md W3 and any network of
// Poisson inputs onto one LIF population. The input draw is the core's counter-based generator
// (rng.ts: u(stream, k) = (lowbias32(k + lowbias32(stream)) >>> 8) / 2^24), so a run here equals
// the TypeScript run of the same seed spike for spike. Currents are summed in float64 in input
// order and rounded to float32 once, as the TypeScript loop does.

import { lifBatch } from './neurons';

/** lowbias32 (Wellons' hash-prospector), all arithmetic mod 2^32. */
// @ts-ignore: decorator
@inline function lowbias32(x: u32): u32 {
  x ^= x >> 16;
  x *= 0x7feb352d;
  x ^= x >> 15;
  x *= 0x846ca68b;
  x ^= x >> 16;
  return x;
}

/**
 * Draws the inputs of one step: input i spikes iff u(stream, k0 + i) < p, where `key` is
 * lowbias32(stream). Writes the indices of those that spike to ev and returns how many.
 */
function drawInputs(key: u32, k0: u32, inputs: i32, p: f64, ev: usize): i32 {
  let c: i32 = 0;
  for (let i: i32 = 0; i < inputs; i++) {
    const u = <f64>(lowbias32(k0 + <u32>i + key) >> 8) / 16777216.0;
    if (u < p) {
      store<i32>(ev + (<usize>c << 2), i);
      c++;
    }
  }
  return c;
}

/**
 * acc[j] += w for every synapse of one row (targets are distinct within a row), acc of type T:
 * float64 (each weight widened, the sum rounded once later) or float32 (the float32 precision
 * mode: one float32 add per synapse). Targets are u16: a population of up to 65,536 neurons needs
 * no more, and the row streams 6 bytes per synapse from memory instead of 8 (W3's 10 M synapses do
 * not fit any cache).
 */
// @ts-ignore: decorator
@inline function addRowInto<T>(start: u32, end: u32, targets: usize, weights: usize, acc: usize): void {
  const shift = <usize>alignof<T>();
  let q = start;
  for (; q + 4 <= end; q += 4) {
    const t = targets + (<usize>q << 1);
    const w = weights + (<usize>q << 2);
    const a0 = acc + (<usize>load<u16>(t) << shift);
    const a1 = acc + (<usize>load<u16>(t, 2) << shift);
    const a2 = acc + (<usize>load<u16>(t, 4) << shift);
    const a3 = acc + (<usize>load<u16>(t, 6) << shift);
    store<T>(a0, load<T>(a0) + <T>load<f32>(w));
    store<T>(a1, load<T>(a1) + <T>load<f32>(w, 4));
    store<T>(a2, load<T>(a2) + <T>load<f32>(w, 8));
    store<T>(a3, load<T>(a3) + <T>load<f32>(w, 12));
  }
  for (; q < end; q++) {
    const a = acc + (<usize>load<u16>(targets + (<usize>q << 1)) << shift);
    store<T>(a, load<T>(a) + <T>load<f32>(weights + (<usize>q << 2)));
  }
}

function addRow(start: u32, end: u32, targets: usize, weights: usize, acc: usize): void {
  addRowInto<f64>(start, end, targets, weights, acc);
}

function addRow32(start: u32, end: u32, targets: usize, weights: usize, acc: usize): void {
  addRowInto<f32>(start, end, targets, weights, acc);
}

/**
 * The neuron update from a step's sums, which it leaves cleared: float64 sums rounded once into
 * `cur` first, or float32 sums (the float32 precision mode) used as the currents themselves.
 */
function updateFromSums(acc: usize, cur: usize, v: usize, s: usize, n: i32, beta: f32, theta: f32, mode: i32, narrow: bool): i32 {
  if (!narrow) {
    roundAndClear(acc, cur, n);
    return lifBatch(v, s, cur, n, beta, theta, mode);
  }
  const fired = lifBatch(v, s, acc, n, beta, theta, mode);
  memory.fill(acc, 0, <usize>n << 2);
  return fired;
}

/** cur[j] = float32(acc[j]) and acc[j] = 0, two at a time. */
function roundAndClear(acc: usize, cur: usize, n: i32): void {
  const zero = f64x2.splat(0);
  let j: i32 = 0;
  for (; j + 2 <= n; j += 2) {
    const a = acc + (<usize>j << 3);
    v128.store64_lane(cur + (<usize>j << 2), f32x4.demote_f64x2_zero(v128.load(a)), 0);
    v128.store(a, zero);
  }
  if (j < n) {
    store<f32>(cur + (<usize>j << 2), <f32>load<f64>(acc + (<usize>j << 3)));
    store<f64>(acc + (<usize>j << 3), 0);
  }
}

/**
 * One step: draw the inputs, add the CSR rows (rowStart [inputs+1] u32, targets u16, weights f32) of
 * those that spike into acc (float64, zero on entry and on exit), then the LIF/IF update of the n
 * neurons (v, s as lifBatch). stats (3 × f64): input spikes, synaptic events, output spikes are
 * added to. `ev` is scratch for `inputs` int32. Returns this step's output spike count. `narrow`:
 * the float32 precision mode, acc float32 and each synapse one float32 add (cur unused).
 */
export function sparseStep(
  key: u32, k0: u32, inputs: i32, p: f64,
  rowStart: usize, targets: usize, weights: usize,
  acc: usize, cur: usize, v: usize, s: usize, n: i32,
  beta: f32, theta: f32, mode: i32, ev: usize, stats: usize, narrow: bool,
): i32 {
  const c = drawInputs(key, k0, inputs, p, ev);
  let syn: u32 = 0;
  for (let k: i32 = 0; k < c; k++) {
    const r = rowStart + (<usize>load<i32>(ev + (<usize>k << 2)) << 2);
    const start = load<u32>(r);
    const end = load<u32>(r, 4);
    if (narrow) addRow32(start, end, targets, weights, acc);
    else addRow(start, end, targets, weights, acc);
    syn += end - start;
  }
  const fired = updateFromSums(acc, cur, v, s, n, beta, theta, mode, narrow);
  store<f64>(stats, load<f64>(stats) + <f64>c);
  store<f64>(stats, load<f64>(stats, 8) + <f64>syn, 8);
  store<f64>(stats, load<f64>(stats, 16) + <f64>fired, 16);
  return fired;
}

/**
 * The first half of a step of a population whose synapses are split by target into partitions
 * (W3 on several threads, and populations of more than 65,536 neurons): draws the inputs and adds
 * their rows into acc. `parts` holds nParts records of four u32 — rowStart, targets, weights (a
 * CSR as above whose 16-bit targets count from the partition's first neuron) and that first
 * neuron, counted from `acc`'s. Each partition keeps the input order, and a neuron belongs to one
 * partition only, so its float64 sum runs over the same synapses in the same order as
 * sparseStep's: the spikes are the same bit for bit. Adds input spikes and synaptic events to
 * stats. A thread does this half while it waits for the others (w3Threads.ts): it needs nothing
 * from them.
 */
export function sparsePartAdd(key: u32, k0: u32, inputs: i32, p: f64, parts: usize, nParts: i32, acc: usize, ev: usize, stats: usize, narrow: bool): void {
  const c = drawInputs(key, k0, inputs, p, ev);
  let syn: u32 = 0;
  // Partitions outside, rows inside: the rows of one partition add into its own slice of acc,
  // which stays in cache while they do.
  for (let q: i32 = 0; q < nParts; q++) {
    const rec = parts + (<usize>q << 4);
    const rowStart = <usize>load<u32>(rec);
    const targets = <usize>load<u32>(rec, 4);
    const weights = <usize>load<u32>(rec, 8);
    // A partition's slice of acc starts at its first neuron: 4 bytes a neuron in float32, else 8.
    const a = acc + (<usize>load<u32>(rec, 12) << (narrow ? 2 : 3));
    for (let k: i32 = 0; k < c; k++) {
      const r = rowStart + (<usize>load<i32>(ev + (<usize>k << 2)) << 2);
      const start = load<u32>(r);
      const end = load<u32>(r, 4);
      if (narrow) addRow32(start, end, targets, weights, a);
      else addRow(start, end, targets, weights, a);
      syn += end - start;
    }
  }
  store<f64>(stats, load<f64>(stats) + <f64>c);
  store<f64>(stats, load<f64>(stats, 8) + <f64>syn, 8);
}

/** The second half: the currents rounded (acc cleared) and the neuron update; adds and returns the spikes. */
export function sparsePartUpdate(acc: usize, cur: usize, v: usize, s: usize, n: i32, beta: f32, theta: f32, mode: i32, stats: usize, narrow: bool): i32 {
  const fired = updateFromSums(acc, cur, v, s, n, beta, theta, mode, narrow);
  store<f64>(stats, load<f64>(stats, 16) + <f64>fired, 16);
  return fired;
}

/** Both halves, one call per step (one thread). */
export function sparsePartStep(
  key: u32, k0: u32, inputs: i32, p: f64,
  parts: usize, nParts: i32,
  acc: usize, cur: usize, v: usize, s: usize, n: i32,
  beta: f32, theta: f32, mode: i32, ev: usize, stats: usize, narrow: bool,
): i32 {
  sparsePartAdd(key, k0, inputs, p, parts, nParts, acc, ev, stats, narrow);
  return sparsePartUpdate(acc, cur, v, s, n, beta, theta, mode, stats, narrow);
}
