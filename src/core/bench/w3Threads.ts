import { DEFAULT_PRECISION, type SumPrecision } from '../spec/precision.ts';
import { EngineError } from '../errors.ts';
import type { KernelExports } from '../engine/kernels/kernelModule.ts';
import { barrierControl, createBarrierWords, createStepBarrier } from '../engine/split/stepBarrier.ts';
import { openThreadChannel, serveThreadRequests, type MessageThread, type StartThread } from '../engine/split/threadChannel.ts';
import { W3_SIZES, type W3Run } from './w3.ts';
import { createPartKernel, inputKey, type PartKernel } from './w3PartKernel.ts';
import { checkNet, partitionsOf, splitRange, type NeuronRange, type W3Net } from './w3Net.ts';
import type { W3Runner } from './w3Wasm.ts';

/** What a W3 thread needs to build its part: the network, its neurons, and the shared barrier. */
export interface W3PartSetup {
  readonly net: W3Net;
  readonly range: NeuronRange;
  /** Partitions of `range` (16-bit targets each). */
  readonly partitions: number;
  readonly index: number;
  readonly threads: number;
  /** The barrier's words (SharedArrayBuffer), shared by every thread of the network. */
  readonly barrier: Int32Array;
  /** How the currents are summed (spec/precision.ts); float64 when absent. */
  readonly precision?: SumPrecision;
}

/** Requests to a W3 thread. */
export type W3PartRequest =
  | { readonly kind: 'setup'; readonly setup: W3PartSetup }
  /** Answered once the set-up is done: how long the build took there. */
  | { readonly kind: 'ready' }
  | {
      readonly kind: 'run';
      readonly seed: number;
      readonly steps: number;
      readonly rate: number;
      /** Spikes per step and thread, steps × threads (SharedArrayBuffer): each thread writes its column. */
      readonly counts: Int32Array;
      /** Tests: the thread dies as a crash would at the start of this step, inside the run. */
      readonly crashAtStep?: number;
    };

/**
 * Answers: the set-up's build time and synapses, or a run's counts for this thread's neurons plus
 * the network's output spikes as this thread saw them, step by step, past each barrier.
 */
export type W3PartReply = { readonly buildMs: number; readonly synapses: number } | (W3Run & { readonly seen: number });

export type W3Thread = MessageThread<W3PartRequest, W3PartReply>;

/**
 * The thread side: builds its part of the network in a kernel instance of its own (`loadKernel`),
 * nothing copied from the coordinator. A run draws each step's inputs itself (the counter-based
 * generator: every thread draws the same ones, cheaper than sharing them), adds its rows,
 * updates its neurons, writes its spike count, and waits at the barrier before the next step.
 */
export function serveW3Part(loadKernel: () => Promise<KernelExports>, post: Parameters<typeof serveThreadRequests<W3PartRequest, W3PartReply>>[1], exit: () => void, now: () => number = () => Date.now()) {
  let part: PartKernel | undefined;
  let setup: W3PartSetup | undefined;
  let buildMs = 0;
  // The set-up is answered to no one (id −1): its failure is kept and given to every request.
  let setupError: string | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(f: () => Promise<T>): Promise<T> => {
    const r = queue.then(f);
    queue = r.catch(() => undefined);
    return r;
  };
  return serveThreadRequests<W3PartRequest, W3PartReply>(
    (req) =>
      serial(async () => {
        if (req.kind === 'setup') {
          try {
            const k = await loadKernel();
            const t0 = now();
            part = createPartKernel(k, req.setup.net, req.setup.range, partitionsOf(req.setup.range, req.setup.partitions), req.setup.precision);
            buildMs = now() - t0;
            setup = req.setup;
          } catch (e) {
            setupError = e instanceof Error ? e.message : String(e);
            throw e;
          }
          return { result: { buildMs, synapses: part.synapses }, transfer: [] };
        }
        if (setupError !== undefined) throw new EngineError(`a W3 thread could not build its part: ${setupError}`);
        if (!part || !setup) throw new EngineError('a W3 thread was asked for work before its set-up');
        if (req.kind === 'ready') return { result: { buildMs, synapses: part.synapses }, transfer: [] };
        const { index, threads } = setup;
        const barrier = createStepBarrier(setup.barrier, threads);
        barrier.reset();
        part.reset();
        const key = inputKey(req.seed);
        // Past the barrier every thread's count of the step is there to read (a general network
        // would read the spikes themselves here); a missing one (−1) would add up wrong.
        let seen = 0;
        if (req.steps > 0) part.add(key, 0, req.rate);
        for (let t = 0; t < req.steps; t++) {
          if (t === req.crashAtStep) {
            // Outside this request's promise, so the thread dies instead of answering an error.
            setTimeout(exit, 0);
            return new Promise<never>(() => undefined);
          }
          req.counts[t * threads + index] = part.update();
          // Split phase: the next step's inputs and synapses need nothing from the other threads
          // (here; a recurrent network would add the others' spikes after the wait), so they are
          // added while the slowest thread finishes this step.
          barrier.signal();
          if (t + 1 < req.steps) part.add(key, t + 1, req.rate);
          if (!barrier.wait()) throw new EngineError('stopped: another thread of the network failed');
          for (let q = 0; q < threads; q++) seen += req.counts[t * threads + q] as number;
        }
        return { result: { ...part.counts(), seen }, transfer: [] };
      }),
    post,
    exit,
  );
}

/** A W3 runner on threads, with the spikes per step of its last run. */
export interface ThreadedW3Runner extends W3Runner {
  readonly threads: number;
  /** Wall time from the first thread's start to the last part built, ms. */
  readonly buildMs: number;
  /** Output spikes of each step of the last run, summed over the threads. */
  stepSpikes(): Int32Array;
  run(seed: number, steps?: number, rate?: number, crashThreadAtStep?: { thread: number; step: number }): Promise<W3Run>;
  dispose(): void;
}

/**
 * One W3 network on `threads` threads: each owns a contiguous range of the neurons (its synapses
 * built inside the thread, no 60 MB copy), and all step together, one barrier per step. The
 * counts equal one thread's (createPartKernel on the whole range) exactly. A thread that dies
 * fails the run with what happened to it; a fresh thread is given the same set-up and builds
 * its part again before the next run.
 */
export async function createThreadedW3Runner(start: StartThread<W3PartRequest, W3PartReply>, threads: number, net: W3Net, now: () => number, precision: SumPrecision = DEFAULT_PRECISION): Promise<ThreadedW3Runner> {
  checkNet(net);
  if (!Number.isInteger(threads) || threads < 1) throw new EngineError(`W3 needs a whole number of threads, got ${threads}`);
  const words = createBarrierWords();
  const ranges = splitRange({ first: 0, end: net.neurons }, threads);
  const t0 = now();
  const opened = await Promise.allSettled(
    ranges.map((range, index) => {
      const setup: W3PartSetup = { net, range, partitions: 1, index, threads: ranges.length, barrier: words, precision };
      const onStart = (t: W3Thread) => t.post({ id: -1, kind: 'setup', setup }, []);
      return openThreadChannel(start, 'a W3 thread', onStart);
    }),
  );
  const channels = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
  const failedStart = opened.find((o) => o.status === 'rejected');
  const closeAll = () => {
    barrierControl.stop(words);
    channels.forEach((c) => c.dispose());
  };
  if (failedStart) {
    closeAll();
    throw failedStart.reason;
  }
  let synapses = 0;
  try {
    const built = (await Promise.all(channels.map((c) => c.request({ kind: 'ready' }, [])))) as { buildMs: number; synapses: number }[];
    synapses = built.reduce((a, b) => a + b.synapses, 0);
  } catch (e) {
    closeAll();
    throw e;
  }
  const buildMs = now() - t0;
  let counts: Int32Array = new Int32Array(0);
  let queue: Promise<unknown> = Promise.resolve();
  const run = async (seed: number, steps: number, rate: number, crash?: { thread: number; step: number }): Promise<W3Run> => {
    counts = new Int32Array(new SharedArrayBuffer(Math.max(1, steps * ranges.length) * 4)).fill(-1);
    barrierControl.reset(words);
    // The first failure is the cause (a death, an error); it stops the others, whose own
    // failures ("stopped: …") follow from it.
    let cause: unknown;
    const parts = channels.map((c, i) =>
      c.request({ kind: 'run', seed, steps, rate, counts, ...(crash?.thread === i ? { crashAtStep: crash.step } : {}) }, []).catch((e: unknown) => {
        if (cause === undefined) {
          cause = e;
          barrierControl.stop(words);
        }
        throw e;
      }),
    );
    const settled = await Promise.allSettled(parts);
    if (cause !== undefined) throw cause;
    const results = settled.map((s) => (s as PromiseFulfilledResult<W3PartReply>).value as W3Run & { seen: number });
    const first = results[0] as W3Run;
    const outputSpikes = results.reduce((a, r) => a + r.outputSpikes, 0);
    const ahead = results.findIndex((r) => r.seen !== outputSpikes);
    if (ahead >= 0) throw new EngineError(`W3 thread ${ahead} read ${results[ahead]?.seen} output spikes past its barriers where the network fired ${outputSpikes}: a thread ran ahead of the others`);
    return {
      // Every thread drew the same inputs; synaptic events and output spikes are split by target.
      inputSpikes: first.inputSpikes,
      synEvents: results.reduce((a, r) => a + r.synEvents, 0),
      outputSpikes,
    };
  };
  return {
    engine: 'wasm',
    threads: ranges.length,
    synapses,
    buildMs,
    stepSpikes() {
      const n = ranges.length;
      const steps = Math.floor(counts.length / n);
      return Int32Array.from({ length: steps }, (_, t) => counts.slice(t * n, t * n + n).reduce((a, b) => a + b, 0));
    },
    run(seed, steps = W3_SIZES.steps, rate = W3_SIZES.inputRate, crash) {
      // Runs take turns: they share the barrier.
      const r = queue.then(() => run(seed, steps, rate, crash));
      queue = r.catch(() => undefined);
      return r;
    },
    dispose: closeAll,
  };
}
