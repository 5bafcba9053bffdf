import type { SumPrecision } from '../../spec/precision.ts';
import { settleAll } from '../../engine/split/settleAll.ts';
import { openThreadChannel, serveThreadRequests, type MessageThread, type StartThread, type ThreadChannel } from '../../engine/split/threadChannel.ts';
import type { EventBatch } from '../../engine/eventBatch.ts';
import type { BpttKernel } from './bpttKernel.ts';
import type { KernelLayer } from './kernelLayer.ts';
import { createWasmBpttTrainer, type WasmBpttTrainer } from './wasmBptt.ts';
import type { KernelForward, LogitReduce, UpdateOptions } from './bpttTrainerTypes.ts';

/** What a gradient thread needs to build its own trainer, and the shared buffers of the exchange. */
export interface BpttThreadSetup {
  readonly layers: readonly KernelLayer[];
  readonly steps: number;
  readonly maxBatch: number;
  readonly slope: number;
  readonly reduce: LogitReduce;
  /** The forward sums' precision (spec/precision.ts), as the coordinator's trainer has it. */
  readonly precision?: SumPrecision;
  /** The weights of the step, written by the coordinator before it asks (SharedArrayBuffer views). */
  readonly weights: readonly Float32Array[];
  /** This thread's gradients, written by the thread before it answers (SharedArrayBuffer views). */
  readonly grads: readonly Float64Array[];
}

/** Requests to a gradient thread. */
export type BpttRequest =
  | { readonly kind: 'setup'; readonly setup: BpttThreadSetup }
  | { readonly kind: 'gradients'; readonly x: EventBatch; readonly labels: Int32Array; readonly options: UpdateOptions; readonly whole: number }
  | { readonly kind: 'evaluate'; readonly x: EventBatch };

/** Its answers: a slice's loss and spikes (gradients are in the shared buffers), or a forward pass. */
export type BpttReply = { readonly loss: number; readonly spikeTotal: number } | KernelForward | { readonly ready: true };

export type BpttThread = MessageThread<BpttRequest, BpttReply>;

/**
 * The thread side: a trainer of its own on a fresh kernel instance (`loadKernel`). For each
 * slice it reads the step's weights from the shared buffers, computes the slice's gradients and
 * writes them to its shared buffers; the coordinator adds them up and updates.
 */
export function serveBpttRequests(loadKernel: () => Promise<BpttKernel>, post: Parameters<typeof serveThreadRequests<BpttRequest, BpttReply>>[1], exit: () => void) {
  let trainer: WasmBpttTrainer | undefined;
  let setup: BpttThreadSetup | undefined;
  // The set-up is answered to no one (id −1): its failure is kept and given to every slice.
  let setupError: string | undefined;
  // Requests run one after another: the set-up loads the kernel asynchronously, and the first
  // slice may arrive before it is done.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(f: () => Promise<T>): Promise<T> => {
    const r = queue.then(f);
    queue = r.catch(() => undefined);
    return r;
  };
  return serveThreadRequests<BpttRequest, BpttReply>(
    (req) => serial(async () => {
      if (req.kind === 'setup') {
        const s = req.setup;
        try {
          trainer = createWasmBpttTrainer(await loadKernel(), s.layers, s.steps, s.maxBatch, s.slope, s.reduce, s.precision ? { precision: s.precision } : {});
          setup = s;
        } catch (e) {
          setupError = e instanceof Error ? e.message : String(e);
          throw e;
        }
        return { result: { ready: true }, transfer: [] };
      }
      if (setupError !== undefined) throw new Error(`the training thread could not set up its kernel: ${setupError}`);
      if (!trainer || !setup) throw new Error('a gradient thread was asked for work before its set-up');
      trainer.setWeights(setup.weights);
      if (req.kind === 'evaluate') {
        const out = trainer.evaluate(req.x);
        return { result: out, transfer: [out.logits.buffer as ArrayBuffer] };
      }
      const g = trainer.sliceGradients(req.x, req.labels, req.options, req.whole);
      trainer.gradientViews().forEach((v, li) => (setup?.grads[li] as Float64Array).set(v));
      return { result: { loss: g.loss, spikeTotal: g.spikeTotal }, transfer: [] };
    }),
    post,
    exit,
  );
}

/** One slice of a batch: its event lists, labels and (class weighting) per-sample loss weights. */
export interface BatchSlice {
  readonly x: EventBatch;
  readonly labels: Int32Array;
  readonly sampleWeights?: Float64Array;
}

/** The coordinator: the local trainer does the first slice, each thread one more. */
export interface ParallelBpttTrainer {
  readonly parts: number;
  step(slices: readonly BatchSlice[], o: UpdateOptions): Promise<{ loss: number; rate: number }>;
  /** Forward passes of several batches at once, local and on the threads; results in order. */
  evaluateMany(xs: readonly EventBatch[]): Promise<KernelForward[]>;
  /** Shows the threads the local trainer's weights (after setWeights on it). */
  publishWeights(): void;
  dispose(): void;
}

/**
 * Data-parallel BPTT: each step's batch is cut into slices, the local trainer and `threads - 1`
 * gradient threads each compute one slice's gradients (normalised by the whole batch, so they
 * add up to the whole batch's), and the local trainer adds them in thread order and updates.
 * Weights and gradients cross through SharedArrayBuffers, so a step copies no more than the
 * event lists (copied, not moved: a caller may reuse a batch, as W2 does). The result equals one trainer's up to the order of float64 additions.
 */
export async function createParallelBpttTrainer(local: WasmBpttTrainer, start: StartThread<BpttRequest, BpttReply>, threads: number, cfg: Omit<BpttThreadSetup, 'weights' | 'grads'>): Promise<ParallelBpttTrainer> {
  const weights = cfg.layers.map((l) => new Float32Array(new SharedArrayBuffer(l.weights.length * 4)));
  const grads: Float64Array[][] = Array.from({ length: threads - 1 }, () => cfg.layers.map((l) => new Float64Array(new SharedArrayBuffer(l.weights.length * 8))));
  const opened = await Promise.allSettled(
    grads.map((g) => {
      const setup: BpttThreadSetup = { ...cfg, weights, grads: g };
      // A replacement thread (after a crash) gets the same set-up before it takes slices.
      const onStart = (t: BpttThread) => t.post({ id: -1, kind: 'setup', setup }, []);
      return openThreadChannel(start, 'a training thread', onStart);
    }),
  );
  const channels = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
  const failedStart = opened.find((o) => o.status === 'rejected');
  if (failedStart) {
    // The threads that did start would keep a Node process alive: end them.
    channels.forEach((c) => c.dispose());
    throw failedStart.reason;
  }
  // The set-up's reply has id -1, which no request waits for; a first request proves it arrived
  // only in order (one port, first in, first out), which is all the threads need.
  const publishWeights = () => local.weightViews().forEach((w, li) => (weights[li] as Float32Array).set(w));
  publishWeights();
  return {
    parts: threads,
    async step(slices, o) {
      const whole = slices.reduce((n, s) => n + s.x.batch, 0);
      const optionsOf = (s: BatchSlice): UpdateOptions => ({ ...o, ...(s.sampleWeights ? { sampleWeights: s.sampleWeights } : {}) });
      const remote = slices.slice(1).map((s, i) => (channels[i] as ThreadChannel<BpttRequest, BpttReply>).request({ kind: 'gradients', x: s.x, labels: s.labels, options: optionsOf(s), whole }, []));
      // Handled from now on: should the local slice throw, the threads' answers are not left unhandled.
      const remoteDone = settleAll(remote);
      remoteDone.catch(() => undefined);
      const first = slices[0] as BatchSlice;
      const mine = local.sliceGradients(first.x, first.labels, optionsOf(first), whole);
      const theirs = (await remoteDone) as { loss: number; spikeTotal: number }[];
      const decayLoss = local.addAndUpdate(grads.slice(0, theirs.length), o);
      publishWeights();
      const spikes = theirs.reduce((a, r) => a + r.spikeTotal, mine.spikeTotal);
      return { loss: theirs.reduce((a, r) => a + r.loss, mine.loss) + decayLoss, rate: spikes / Math.max(1, local.neuronStepsPerSample * whole) };
    },
    async evaluateMany(xs) {
      const out: KernelForward[] = new Array(xs.length);
      // Round robin: batch i goes to part i mod parts; part 0 is the local trainer.
      const remote = xs.flatMap((x, i) => (i % threads === 0 ? [] : [(channels[(i % threads) - 1] as ThreadChannel<BpttRequest, BpttReply>).request({ kind: 'evaluate', x }, []).then((r) => (out[i] = r as KernelForward))]));
      xs.forEach((x, i) => {
        if (i % threads === 0) out[i] = local.evaluate(x);
      });
      await settleAll(remote);
      return out;
    },
    publishWeights,
    dispose: () => channels.forEach((c) => c.dispose()),
  };
}
