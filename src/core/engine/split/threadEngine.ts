import { vouchForThreadCopy, wasChecked } from '../eventBatch.ts';
import type { CompiledNetwork, Engine, EngineInfo, SimInput, SimOptions, SimulationResult } from '../types.ts';
import { createSplitEngine } from './splitEngine.ts';
import { openThreadChannel, serveThreadRequests, type MessageThread, type StartThread } from './threadChannel.ts';

/** A run request to an engine thread; options arrive without signal and callbacks (not cloneable). */
export interface PartRequest {
  readonly net: CompiledNetwork;
  readonly input: SimInput;
  readonly options: SimOptions;
  /** The input's event lists were checked on the sending side (eventBatch.ts), so the thread need not read them again. */
  readonly checkedEvents?: boolean;
}

/** A thread running an engine. */
export type PartThread = MessageThread<PartRequest, SimulationResult>;

/** An Engine whose runs go to one thread; `crashForTest` ends that thread as a crash would. */
export interface ThreadEngine extends Engine {
  crashForTest(): void;
}

// How often a pending run looks at its AbortSignal: the core's signal has no events.
const ABORT_POLL_MS = 20;

/**
 * The engine in a thread of its own (threadChannel.ts: a thread that dies fails its run and is
 * replaced). Cancelling a run ends its thread at once, since a kernel in the middle of a step
 * cannot be interrupted otherwise, and a fresh one is started.
 */
export async function createThreadEngine(start: StartThread<PartRequest, SimulationResult>, info: EngineInfo): Promise<ThreadEngine> {
  const channel = await openThreadChannel(start, `a ${info.name} engine thread`);
  return {
    info: () => info,
    async simulate(net, input, options) {
      // What crosses to the thread: every option but the callbacks and the signal (which stay here).
      const opts: SimOptions = {
        dtMs: options.dtMs,
        ...(options.recordSpikes === undefined ? {} : { recordSpikes: options.recordSpikes }),
        ...(options.membrane === undefined ? {} : { membrane: options.membrane }),
        ...(options.precision === undefined ? {} : { precision: options.precision }),
        ...(options.eventBudget === undefined ? {} : { eventBudget: options.eventBudget }),
        ...(options.countActivity === undefined ? {} : { countActivity: options.countActivity }),
      };
      const signal = options.signal;
      let done = false;
      const poll = signal
        ? setInterval(() => {
            if (signal.aborted && !done) channel.cancel();
          }, ABORT_POLL_MS)
        : undefined;
      try {
        // A part's input is a fresh or shared slice (splitEngine.ts): a plain buffer moves, a
        // shared one is seen by both sides without a copy.
        const buffer = input.values.buffer;
        const checkedEvents = input.events !== undefined && wasChecked(input.events);
        return await channel.request({ net, input, options: opts, checkedEvents }, buffer instanceof ArrayBuffer ? [buffer] : []);
      } finally {
        done = true;
        if (poll !== undefined) clearInterval(poll);
      }
    },
    crashForTest: () => channel.crashForTest(),
    dispose: () => channel.dispose(),
  };
}

/** The engine behind `start` on `threads` threads, each running a contiguous slice of the batch. */
export async function createThreadedEngine(start: StartThread<PartRequest, SimulationResult>, threads: number, info: EngineInfo): Promise<Engine & { crashThreadForTest(i: number): void }> {
  const parts = await Promise.all(Array.from({ length: threads }, () => createThreadEngine(start, info)));
  return Object.assign(createSplitEngine(parts, info), { crashThreadForTest: (i: number) => parts[i]?.crashForTest() });
}

/** The thread side of an engine: runs each request, the spike trains transferred back. */
export function servePartRequests(engine: Engine, post: Parameters<typeof serveThreadRequests<PartRequest, SimulationResult>>[1], exit: () => void) {
  return serveThreadRequests<PartRequest, SimulationResult>(
    async (req) => {
      if (req.checkedEvents && req.input.events) vouchForThreadCopy(req.input.events);
      const result = await engine.simulate(req.net, req.input, req.options);
      // The thread never touches the spike trains again.
      return { result, transfer: result.layers.flatMap((l) => l.spikes.flatMap((s) => [s.times.buffer, s.ids.buffer])).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer) };
    },
    post,
    exit,
  );
}
