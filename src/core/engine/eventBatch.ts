// Inputs as event lists, the form spike data has before it is made dense (an event file, a spike
// encoder's output): the BPTT kernel trains on it, and the wasm engine reads it instead of copying
// and scanning the dense input at every step when the caller already holds it.

/** A batch as event lists: for step t and sample b, the indices (and values) of non-zero inputs. */
export interface EventBatch {
  readonly steps: number;
  readonly batch: number;
  readonly inputs: number;
  /** starts[t·batch + b] … starts[t·batch + b + 1] index into `index` / `value`. */
  readonly starts: Uint32Array;
  readonly index: Uint32Array;
  readonly value: Float32Array;
  /** True when every value is 1 (spikes): the kernels then skip the multiply. */
  readonly binary: boolean;
  /** True when every step holds the same input (a static vector): the BPTT kernel sums it once (the wasm engine reads the dense values then). */
  readonly held?: boolean;
}

// The batches eventBatchProblem has passed (event lists are data: not changed once given).
const checked = new WeakSet<EventBatch>();

/** Dense step-major input x[t][b][i] (SimInput's layout) as event lists. */
export function toEventBatch(values: Float32Array, steps: number, batch: number, inputs: number): EventBatch {
  let n = 0;
  for (let k = 0; k < values.length; k++) if (values[k] !== 0) n++;
  const starts = new Uint32Array(steps * batch + 1);
  const index = new Uint32Array(n);
  const value = new Float32Array(n);
  let binary = true;
  let c = 0;
  for (let r = 0; r < steps * batch; r++) {
    starts[r] = c;
    const off = r * inputs;
    for (let i = 0; i < inputs; i++) {
      const v = values[off + i] as number;
      if (v === 0) continue;
      index[c] = i;
      value[c++] = v;
      if (v !== 1) binary = false;
    }
  }
  starts[steps * batch] = c;
  return { steps, batch, inputs, starts, index, value, binary };
}

/** Where a slice's arrays live: ordinary memory, or a SharedArrayBuffer another thread can read without a copy. */
export type SliceMemory = 'plain' | 'shared';

/**
 * The event lists of samples [start, start + batch) of every step: what a batch slice reads. The
 * slice of a checked batch (eventBatchProblem) holds the same lists rebased, so it counts as
 * checked too.
 */
export function sliceEventBatch(e: EventBatch, start: number, batch: number, memory: SliceMemory = 'plain'): EventBatch {
  let n = 0;
  for (let t = 0; t < e.steps; t++) n += (e.starts[t * e.batch + start + batch] as number) - (e.starts[t * e.batch + start] as number);
  const bytes = (count: number) => (memory === 'shared' ? new SharedArrayBuffer(count * 4) : new ArrayBuffer(count * 4));
  const starts = new Uint32Array(bytes(e.steps * batch + 1));
  const index = new Uint32Array(bytes(n));
  const value = new Float32Array(bytes(n));
  let c = 0;
  for (let t = 0; t < e.steps; t++) {
    const from = e.starts[t * e.batch + start] as number;
    const to = e.starts[t * e.batch + start + batch] as number;
    for (let b = 0; b < batch; b++) starts[t * batch + b] = c + (e.starts[t * e.batch + start + b] as number) - from;
    index.set(e.index.subarray(from, to), c);
    value.set(e.value.subarray(from, to), c);
    c += to - from;
  }
  starts[e.steps * batch] = c;
  // A slice of a batch with a few real values may itself hold only spikes.
  const binary = e.binary || value.every((v) => v === 1);
  const slice: EventBatch = { steps: e.steps, batch, inputs: e.inputs, starts, index, value, binary, ...(e.held === undefined ? {} : { held: e.held }) };
  if (checked.has(e)) checked.add(slice);
  return slice;
}


/** Whether `e` passed eventBatchProblem here, is the slice of a batch that did, or was vouched for. */
export function wasChecked(e: EventBatch): boolean {
  return checked.has(e);
}

/**
 * Records `e` as checked without reading it. Only for the copy a thread receives of lists that were
 * checked on the sending side (threadEngine.ts): reading W1's 112,000 events again there cost 0.4 ms
 * of a 4 ms run.
 */
export function vouchForThreadCopy(e: EventBatch): void {
  checked.add(e);
}

/**
 * Why `e` cannot be read as the event lists of `steps`·`batch` rows of `inputs` values, or
 * undefined when it can: a kernel reads them as raw memory, so a list that points past its row,
 * repeats or unsorts an index, or claims spikes it does not hold, would be read as another
 * buffer's weights or summed out of order. Checked once per batch (event lists are data: not
 * changed once given).
 */
export function eventBatchProblem(e: EventBatch, steps: number, batch: number, inputs: number): string | undefined {
  if (e.steps !== steps || e.batch !== batch || e.inputs !== inputs || e.starts.length !== steps * batch + 1) {
    return `the input's event lists describe ${e.steps} steps × ${e.batch} samples × ${e.inputs} inputs, not the input's ${steps} × ${batch} × ${inputs}`;
  }
  if (checked.has(e)) return undefined;
  if (e.starts[0] !== 0 || e.starts[steps * batch] !== e.index.length || e.value.length !== e.index.length) return `the input's event lists do not cover their ${e.index.length} events from the first (starts ${e.starts[0]} … ${e.starts[steps * batch]})`;
  for (let r = 0; r < steps * batch; r++) {
    const k0 = e.starts[r] as number;
    const k1 = e.starts[r + 1] as number;
    if (k1 < k0) return `the input's event lists go backwards at row ${r} (${k0} then ${k1})`;
    let last = -1;
    for (let k = k0; k < k1; k++) {
      const i = e.index[k] as number;
      if (i <= last || i >= inputs) return `row ${r} of the input's event lists holds input ${i} after ${last} (indices must increase and stay below ${inputs})`;
      if (e.binary && e.value[k] !== 1) return `the input's event lists say they hold spikes, but event ${k} has value ${e.value[k]}`;
      last = i;
    }
  }
  checked.add(e);
  return undefined;
}

