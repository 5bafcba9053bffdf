import { eventBatchProblem, sliceEventBatch } from '../eventBatch.ts';
import { probeCapability } from '../host/capabilities.ts';
import { EngineError, throwIfAborted } from '../../errors.ts';
import { settleAll } from './settleAll.ts';
import { sharedWeights } from './sharedCopies.ts';
import { WORKSPACE_BUDGETS } from '../../spec/budgetTable.ts';
import type { CompiledNetwork, Engine, EngineInfo, LayerRecording, MembraneProbe, SimInput, SimOptions, SimulationResult } from '../types.ts';

/** The samples [start, start + batch) of a batch that one part runs. */
interface Slice {
  readonly start: number;
  readonly batch: number;
}

/** Contiguous, near-equal slices of `batch` samples for at most `parts` parts (none empty). */
export function slices(batch: number, parts: number): Slice[] {
  const k = Math.max(1, Math.min(parts, batch));
  return Array.from({ length: k }, (_, p) => {
    const start = Math.floor((p * batch) / k);
    return { start, batch: Math.floor(((p + 1) * batch) / k) - start };
  });
}

/**
 * A buffer of `length` floats for a slice: shared memory when the host has it, reused from the
 * previous run when it is large enough (a fresh 9 MB array costs more in page faults than the
 * copy itself), else a fresh array that the part may take over (transfer).
 */
function sliceBuffer(previous: Float32Array | undefined, length: number, share: boolean): Float32Array {
  if (previous && previous.length === length) return previous;
  if (!share) return new Float32Array(length);
  return new Float32Array(new SharedArrayBuffer(length * 4));
}

/** The input of one slice: every step's rows of its samples, written into `values`. */
function sliceInput(input: SimInput, s: Slice, values: Float32Array): SimInput {
  const row = input.neurons;
  for (let t = 0; t < input.steps; t++) {
    const from = (t * input.batch + s.start) * row;
    values.set(input.values.subarray(from, from + s.batch * row), t * s.batch * row);
  }
  // Event lists go with their values: shared when the values are (kept for the next run of this input).
  const events = input.events && sliceEventBatch(input.events, s.start, s.batch, values.buffer instanceof ArrayBuffer ? 'plain' : 'shared');
  return { steps: input.steps, batch: s.batch, neurons: row, values, ...(events ? { events } : {}) };
}

function probesOf(probes: readonly MembraneProbe[], s: Slice): MembraneProbe[] {
  return probes.flatMap((p) => {
    const sample = p.sample ?? 0;
    return sample >= s.start && sample < s.start + s.batch ? [{ ...p, sample: sample - s.start }] : [];
  });
}

/** Joins the parts' results in sample order, as one engine running the whole batch would report. */
function merge(info: EngineInfo, input: SimInput, options: SimOptions, parts: readonly SimulationResult[], all: readonly Slice[], elapsedMs: number): SimulationResult {
  const first = parts[0];
  if (!first) throw new EngineError('no part ran');
  const layers: LayerRecording[] = first.layers.map((l, i) => ({
    ...l,
    spikeCount: parts.reduce((a, r) => a + (r.layers[i]?.spikeCount ?? 0), 0),
    spikes: parts.flatMap((r) => r.layers[i]?.spikes ?? []),
  }));
  const membranes = (options.membrane ?? []).map((p) => {
    const sample = p.sample ?? 0;
    const k = all.findIndex((s) => sample >= s.start && sample < s.start + s.batch);
    const slice = all[k];
    const m = parts[k]?.membranes.find((x) => x.layer === p.layer && x.neuron === p.neuron && x.sample === sample - (slice?.start ?? 0));
    if (!m) throw new EngineError(`membrane probe ${p.layer}[${p.neuron}] (sample ${sample}) does not exist in this network`);
    return { ...m, sample };
  });
  const readouts = first.readouts.map((ro, i) => {
    const values = new Float32Array(input.batch * ro.units);
    parts.forEach((r, k) => values.set(r.readouts[i]?.values ?? new Float32Array(0), (all[k]?.start ?? 0) * ro.units));
    return { ...ro, values };
  });
  return { engine: info.name, steps: input.steps, batch: input.batch, dtMs: options.dtMs, layers, membranes, readouts, elapsedMs, notes: parts.flatMap((r) => r.notes) };
}

/**
 * Runs each batch on several engines at once, each on a contiguous slice of the samples, and
 * merges their results in sample order. Samples are independent, so the result equals one engine
 * running the whole batch; with engines in separate threads (src/cli/wasmThreads.ts in Node) the
 * batch runs on several cores. Progress is reported by the first part only.
 */
export function createSplitEngine(parts: readonly Engine[], info: EngineInfo): Engine {
  if (parts.length === 0) throw new EngineError('a split engine needs at least one part');
  // Shared slice buffers are reused by the next run, so runs take turns.
  const buffers: (Float32Array | undefined)[] = parts.map(() => undefined);
  // The slices of the last input, kept in shared buffers: the same input run again (a benchmark's
  // repetitions, a network edit over unchanged data) is not cut again. An input is data: it is
  // not changed once given.
  let cut: { readonly input: SimInput; readonly slices: readonly SimInput[] } | undefined;
  // Whether posting a SharedArrayBuffer works here (not only whether the type exists: host/capabilities.ts).
  const share = probeCapability('sharedArrayBuffer') === true;
  // The weights of the run under way, shared with the parts (sharedCopies.ts); reused by the next run.
  let weightBuffer: Float32Array | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const run = async (net: CompiledNetwork, input: SimInput, options: SimOptions): Promise<SimulationResult> => {
    throwIfAborted(options.signal, 'simulation');
    const started = Date.now();
    const all = slices(input.batch, parts.length);
    const reuse = cut?.input === input ? cut.slices : undefined;
    if (!reuse) {
      // The shared buffers are about to hold another input: the kept slices are gone from here on,
      // whether or not the cutting below succeeds.
      cut = undefined;
      const problem = input.events && eventBatchProblem(input.events, input.steps, input.batch, input.neurons);
      if (problem) throw new EngineError(problem);
    }
    const inputs = all.map((s, k) => {
      const kept = reuse?.[k];
      if (kept) return kept;
      const values = sliceBuffer(buffers[k], input.steps * s.batch * input.neurons, share);
      // Only shared buffers are kept: a plain one may be transferred (detached) by its part.
      buffers[k] = values.buffer instanceof ArrayBuffer ? undefined : values;
      return sliceInput(input, s, values);
    });
    cut = inputs.every((x) => !(x.values.buffer instanceof ArrayBuffer)) ? { input, slices: inputs } : undefined;
    const shared = share ? sharedWeights(net, weightBuffer) : undefined;
    weightBuffer = shared?.buffer;
    const partNet = shared?.net ?? net;
    const runs = all.map((s, k) => {
      const { onProgress, membrane, ...rest } = options;
      // The parts share the run's events budget, so together they record no more than one engine would.
      const eventBudget = Math.floor((options.eventBudget ?? WORKSPACE_BUDGETS.runEvents.limit) / all.length);
      const partOptions: SimOptions = { ...rest, eventBudget, membrane: probesOf(membrane ?? [], s), ...(k === 0 && onProgress ? { onProgress } : {}) };
      return (parts[k] as Engine).simulate(partNet, inputs[k] as SimInput, partOptions);
    });
    // Every part settles before the run does: the next run reuses the shared buffers, and a part
    // still busy with this run would read them while they are overwritten. (A cancelled part settles
    // when its thread is told to end; it may read on for a moment, but its result is thrown away.)
    const results = await settleAll(runs);
    throwIfAborted(options.signal, 'simulation');
    return merge(info, input, options, results, all, Date.now() - started);
  };
  return {
    info: () => info,
    simulate(net, input, options) {
      const r = queue.then(() => run(net, input, options));
      queue = r.catch(() => undefined);
      return r;
    },
    dispose: () => parts.forEach((p) => p.dispose()),
  };
}
