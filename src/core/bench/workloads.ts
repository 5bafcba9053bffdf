import { toEventBatch } from '../engine/eventBatch.ts';
import type { Engine, SimInput } from '../engine/types.ts';
import { DEFAULT_PRECISION, type SumPrecision } from '../spec/precision.ts';
import { spikeFlips } from '../engine/precisionFlips.ts';
import { W1_SIZES, w1Input, w1Network } from './canonical.ts';
import type { W2Trainer } from './w2.ts';
import { buildW3Csr } from './w3.ts';
import { eventsW3Runner, type W3Runner } from './w3Wasm.ts';

/** One benchmark result, the JSON line of `spikelab bench --json`. */
export interface BenchLine {
  readonly workload: 'W1' | 'W2' | 'W3';
  readonly engine: string;
  readonly samples_per_s: number;
  readonly syn_events_per_s: number;
  readonly peak_rss_mb: number;
  readonly median_s: number;
  readonly reps: number;
  /** Threads the engine ran on. */
  readonly threads: number;
  readonly hidden_spikes?: number;
  readonly output_spikes?: number;
  readonly runs_per_s?: number;
  readonly input_spikes?: number;
  readonly loss_first?: number;
  readonly loss_last?: number;
  /** W3: wall time of building the connectivity (untimed in the runs), s. */
  readonly build_s?: number;
  /** W3: synapses of the network (when the runner knows them). */
  readonly synapses?: number;
  /** W3: the network (10k is WORKLOADS.md's; 100k draws its synapses with geometric gaps). */
  readonly size?: string;
  /** Why the run used fewer threads than asked (e.g. a page that is not cross-origin isolated). */
  readonly note?: string;
  /** How currents were summed (precision.ts); float64 when absent. */
  readonly precision?: SumPrecision;
  /** In the float32 mode: spikes that differ from the float64 run's, per million of its spikes. */
  readonly flips_per_million?: number;
  /** In the float32 mode, where spikes are counted only (W3): |float32 − float64 count| per million of float64's. */
  readonly count_gap_per_million?: number;
}

/** Host hooks: a monotonic clock in ms and the process's peak memory in MB (Node: maxRSS). */
export interface BenchHost {
  now(): number;
  peakMemoryMb(): number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** How benchW1 runs: repetitions, threads (reported), batch, input and the sums' precision. */
export interface W1Options {
  readonly reps?: number;
  readonly threads?: number;
  readonly batch?: number;
  readonly input?: SimInput;
  readonly precision?: SumPrecision;
}

/**
 * W1 (WORKLOADS.md): 1 untimed warm-up pass, then `reps` timed forward passes of the batch of 64;
 * median time. Events counted from the actual spikes: input × 256 + hidden × 20. In the float32
 * precision mode, one more untimed pass of each precision, recorded spike by spike, gives the
 * spikes that flip against float64 sums.
 */
export async function benchW1(engine: Engine, host: BenchHost, o: W1Options = {}): Promise<BenchLine> {
  const { reps = 5, threads = 1, batch = W1_SIZES.batch, precision = DEFAULT_PRECISION } = o;
  const input = o.input ?? w1EventInput(batch);
  const net = w1Network();
  const run = () => engine.simulate(net, input, { dtMs: 1, recordSpikes: false, precision });
  let last = await run(); // the untimed warm-up pass
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = host.now();
    last = await run();
    times.push((host.now() - t0) / 1000);
  }
  const count = (name: string) => last.layers.find((l) => l.name === name)?.spikeCount ?? 0;
  const med = median(times);
  const events = count('input') * W1_SIZES.hidden + count('hidden') * W1_SIZES.outputs;
  const flips = precision === DEFAULT_PRECISION ? undefined : spikeFlips(await engine.simulate(net, input, { dtMs: 1 }), await engine.simulate(net, input, { dtMs: 1, precision }));
  return {
    workload: 'W1',
    engine: engine.info().name,
    samples_per_s: batch / med,
    syn_events_per_s: events / med,
    peak_rss_mb: host.peakMemoryMb(),
    median_s: med,
    reps,
    threads,
    precision,
    ...(flips ? { flips_per_million: flips.perMillion } : {}),
    hidden_spikes: count('hidden'),
    output_spikes: count('output'),
  };
}

/**
 * W1's input with its event lists: WORKLOADS.md lets an engine keep the input "as a dense tensor or
 * as an event list", made untimed (the input is data, like SHD's event files). The wasm engine reads
 * the lists; the others read the dense values.
 */
export function w1EventInput(batch: number = W1_SIZES.batch): SimInput {
  const input = w1Input(batch);
  return { ...input, events: toEventBatch(input.values, input.steps, input.batch, input.neurons) };
}

/**
 * W2: one untimed warm-up training step (its loss is `loss_first`, reference 44.15788), then `reps`
 * timed steps on the same batch; median. `engine` names the tfjs backend the trainer runs on.
 */
export async function benchW2(trainer: W2Trainer, engine: string, host: BenchHost, reps = 5, threads = 1): Promise<BenchLine> {
  const lossFirst = await trainer.step();
  const times: number[] = [];
  let loss = lossFirst;
  for (let r = 0; r < reps; r++) {
    const t0 = host.now();
    loss = await trainer.step();
    times.push((host.now() - t0) / 1000);
  }
  const med = median(times);
  return {
    workload: 'W2',
    engine,
    samples_per_s: W1_SIZES.batch / med,
    syn_events_per_s: 0,
    peak_rss_mb: host.peakMemoryMb(),
    median_s: med,
    reps,
    threads,
    loss_first: lossFirst,
    loss_last: loss,
  };
}

/**
 * W3: connectivity built untimed (its wall time is `build_s`), a 10-step warm-up, then `reps`
 * timed runs of 1000 steps; median. `makeRunner` builds the connectivity and picks the
 * implementation (default: the TypeScript event loop); a runner on threads is disposed here.
 */
export async function benchW3(host: BenchHost, reps = 5, makeRunner: () => W3Runner | Promise<W3Runner> = () => eventsW3Runner(buildW3Csr())): Promise<BenchLine> {
  const b0 = host.now();
  const w3 = await makeRunner();
  const buildS = (host.now() - b0) / 1000;
  try {
    let last = await w3.run(0, 10); // the untimed 10-step warm-up
    const times: number[] = [];
    for (let r = 0; r < reps; r++) {
      const t0 = host.now();
      last = await w3.run(r + 1);
      times.push((host.now() - t0) / 1000);
    }
    const med = median(times);
    return {
      workload: 'W3',
      engine: w3.engine,
      samples_per_s: 1 / med,
      runs_per_s: 1 / med,
      syn_events_per_s: last.synEvents / med,
      peak_rss_mb: host.peakMemoryMb(),
      median_s: med,
      reps,
      threads: w3.threads ?? 1,
      input_spikes: last.inputSpikes,
      output_spikes: last.outputSpikes,
      build_s: buildS,
      ...(w3.synapses === undefined ? {} : { synapses: w3.synapses }),
    };
  } finally {
    w3.dispose?.();
  }
}

/**
 * What a W3 line in a precision other than float64 adds: the precision and the gap between the
 * output counts of one seed in that precision and in float64. W3's runners count spikes, they do
 * not record them, so the gap (a lower bound on the spikes that flip) is what can be reported.
 */
export async function w3PrecisionGap(runner: (p: SumPrecision) => W3Runner | Promise<W3Runner>, precision: SumPrecision): Promise<Pick<BenchLine, 'precision' | 'count_gap_per_million'>> {
  const count = async (p: SumPrecision) => {
    const r = await runner(p);
    try {
      return (await r.run(1)).outputSpikes;
    } finally {
      r.dispose?.();
    }
  };
  const f64 = await count(DEFAULT_PRECISION);
  const other = await count(precision);
  return { precision, count_gap_per_million: (Math.abs(f64 - other) / Math.max(1, f64)) * 1e6 };
}
