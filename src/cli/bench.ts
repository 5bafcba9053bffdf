import { parseArgs } from 'node:util';
import { benchW1, benchW2, benchW3, w3PrecisionGap, type BenchHost, type BenchLine } from '../core/bench/workloads.ts';
import { createEngine, type EngineRequest } from '../core/engine/index.ts';
import { EXIT, UsageError, type CliIo } from './io.ts';
import { kernelBytes } from './kernelFile.ts';
import { createThreadedWasmEngine } from './wasmThreads.ts';
import { loadKernel } from '../core/engine/kernels/kernelModule.ts';
import { eventsW3Runner, wasmW3Runner, type W3Runner } from '../core/bench/w3Wasm.ts';
import { buildW3Csr } from '../core/bench/w3.ts';
import { W3_NETS, type W3Size } from '../core/bench/w3Net.ts';
import { DEFAULT_PRECISION, isSumPrecision, SUM_PRECISIONS, type SumPrecision } from '../core/spec/precision.ts';


const W1_ENGINES: readonly EngineRequest[] = ['events', 'wasm', 'tfjs-wasm', 'tfjs-cpu'];
const W3_ENGINES: readonly EngineRequest[] = ['events', 'wasm'];

/** Node host: high-resolution clock and peak resident set size. */
export const NODE_HOST: BenchHost = {
  now: () => performance.now(),
  peakMemoryMb: () => process.resourceUsage().maxRSS / 1024,
};

/** `spikelab bench`: WORKLOADS.md W1 (all engines) and W3 (events and wasm); one JSON line per run with --json. */
export async function benchCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      workload: { type: 'string' },
      engine: { type: 'string' },
      reps: { type: 'string', default: '5' },
      threads: { type: 'string', default: '1' },
      size: { type: 'string', default: '10k' },
      json: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
      precision: { type: 'string', default: DEFAULT_PRECISION },
    },
    strict: true,
  });
  if (values.list) {
    io.out(`W1: ${W1_ENGINES.join(', ')}\nW2: wasm, tfjs-wasm, tfjs-cpu\nW3: ${W3_ENGINES.join(', ')}`);
    return EXIT.ok;
  }
  const reps = Number(values.reps);
  if (!Number.isInteger(reps) || reps < 1 || reps > 100) throw new UsageError(`--reps must be a whole number from 1 to 100, got '${values.reps}'`);
  const threads = Number(values.threads);
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new UsageError(`--threads must be a whole number from 1 to 64, got '${values.threads}'`);
  const precision = values.precision;
  if (!isSumPrecision(precision)) throw new UsageError(`--precision must be ${Object.keys(SUM_PRECISIONS).join(' or ')}, got '${precision}'`);
  const workloads = values.workload === undefined ? ['W1', 'W2', 'W3'] : [values.workload];
  for (const w of workloads) if (w !== 'W1' && w !== 'W2' && w !== 'W3') throw new UsageError(`unknown workload '${w}'; choose W1, W2 or W3`);
  const engine = values.engine as EngineRequest | undefined;
  if (engine !== undefined && !W1_ENGINES.includes(engine)) throw new UsageError(`unknown engine '${engine}'; choose one of ${W1_ENGINES.join(', ')}`);
  if (precision !== DEFAULT_PRECISION && engine?.startsWith('tfjs')) throw new UsageError(`--precision applies to the events and wasm engines: tfjs sums in float32, in its own order, in either mode`);
  if (threads > 1 && engine !== 'wasm') throw new UsageError('--threads applies to --engine wasm only (W1: batch split, W2: data-parallel BPTT, W3: the neurons split, a barrier per step)');
  const size = values.size as W3Size;
  if (!Object.hasOwn(W3_NETS, size)) throw new UsageError(`unknown W3 size '${values.size}'; choose ${Object.keys(W3_NETS).join(' or ')}`);
  if (size !== '10k' && (values.workload !== 'W3' || engine !== 'wasm')) throw new UsageError(`--size ${size} runs W3 on the wasm kernel only: --workload W3 --engine wasm`);
  const lines: BenchLine[] = [];
  const emit = (line: BenchLine) => {
    lines.push(line);
    io.out(values.json ? JSON.stringify(line) : describe(line));
  };
  for (const w of workloads) {
    if (w === 'W1') {
      for (const name of engine ? [engine] : W1_ENGINES) {
        if (precision !== DEFAULT_PRECISION && name.startsWith('tfjs')) {
          io.err(`${name} skipped: --precision applies to the events and wasm engines (tfjs sums in float32, in its own order, in either mode)`);
          continue;
        }
        const e = threads > 1 ? await createThreadedWasmEngine(threads) : await createEngine(name, name === 'wasm' ? { kernel: await kernelBytes() } : {});
        emit(await benchW1(e, NODE_HOST, { reps: name === 'tfjs-cpu' ? Math.min(reps, 3) : reps, threads, precision }));
        e.dispose();
      }
    } else if (w === 'W2') {
      await runW2(engine, reps, emit, io, threads, precision);
    } else if (engine === undefined || W3_ENGINES.includes(engine)) {
      for (const name of engine ? [engine] : W3_ENGINES) emit(await w3Line(name, reps, threads, size, precision));
    } else {
      io.err(`W3 runs on ${W3_ENGINES.join(' and ')} only (a dense 10k × 10k tfjs run needs 400 MB per step); skipped for ${engine}`);
    }
  }
  return lines.length > 0 ? EXIT.ok : EXIT.usage;
}

/**
 * W3 on the TypeScript event loop or on the wasm kernel: W3 itself on one thread (sparseStep), or
 * split by target neurons over worker threads (a barrier per step), or the 100k network (10^8
 * synapses, partitions of 16-bit targets) on one or more threads.
 */
async function w3Line(engine: EngineRequest, reps: number, threads: number, size: W3Size, precision: SumPrecision): Promise<BenchLine> {
  const net = W3_NETS[size];
  const runner = async (p: SumPrecision): Promise<W3Runner> => {
    if (engine !== 'wasm') return eventsW3Runner(buildW3Csr(), undefined, p);
    if (threads > 1) return (await import('./w3Threads.ts')).createNodeW3Runner(threads, net, p);
    const { exports } = await loadKernel(await kernelBytes());
    if (size === '10k') return wasmW3Runner(exports, undefined, undefined, p);
    return (await import('../core/bench/w3PartKernel.ts')).partitionedW3Runner(exports, net, 1, p);
  };
  const line = { ...(await benchW3(NODE_HOST, reps, () => runner(precision))), size };
  return precision === DEFAULT_PRECISION ? line : { ...line, ...(await w3PrecisionGap(runner, precision)) };
}

/** W2 on Spikelab's BPTT kernel (wasm) or on tfjs (autograd): wasm by default. */
async function runW2(engine: EngineRequest | undefined, reps: number, emit: (l: BenchLine) => void, io: CliIo, threads: number, precision: SumPrecision): Promise<void> {
  if (engine === 'events') {
    io.err('W2 (training) runs on the wasm BPTT kernel or on tfjs; the event engine only simulates');
    return;
  }
  const name = engine ?? 'wasm';
  if (name === 'wasm') {
    const [{ createW2WasmTrainer }, { startNodeBpttThread }] = await Promise.all([import('../core/bench/w2Wasm.ts'), import('./bpttThreads.ts')]);
    const trainer = await createW2WasmTrainer(await kernelBytes(), threads > 1 ? { start: startNodeBpttThread, threads } : undefined, precision);
    try {
      const line = await benchW2(trainer, 'wasm', NODE_HOST, reps, threads);
      emit(precision === DEFAULT_PRECISION ? line : { ...line, precision });
    } finally {
      trainer.dispose();
    }
    return;
  }
  const e = await createEngine(name);
  const { createW2Trainer } = await import('../core/bench/w2.ts');
  const trainer = createW2Trainer();
  try {
    emit(await benchW2(trainer, e.info().name, NODE_HOST, name === 'tfjs-cpu' ? Math.min(reps, 3) : reps));
  } finally {
    trainer.dispose();
  }
}

function describe(l: BenchLine): string {
  if (l.workload === 'W2') return `W2 ${l.engine.padEnd(10)} ${`${l.samples_per_s.toFixed(1)} samples/s`.padStart(18)}  first loss ${l.loss_first?.toFixed(5)}  peak ${l.peak_rss_mb.toFixed(0)} MB${precisionText(l)}`;
  const rate = l.workload === 'W3' ? `${(l.runs_per_s ?? 0).toFixed(3)} runs/s` : `${l.samples_per_s.toFixed(1)} samples/s`;
  const check = l.workload === 'W1' ? `hidden ${l.hidden_spikes} output ${l.output_spikes}` : `output ${l.output_spikes}`;
  const w3 = l.workload === 'W3' ? `${l.size && l.size !== '10k' ? ` ${l.size}` : ''}${l.threads > 1 ? ` on ${l.threads} threads` : ''}` : '';
  const built = l.build_s === undefined ? '' : `  built in ${l.build_s.toFixed(1)} s${l.synapses === undefined ? '' : ` (${l.synapses.toLocaleString('en')} synapses)`}`;
  return `${l.workload}${w3} ${l.engine.padEnd(10)} ${rate.padStart(18)}  ${(l.syn_events_per_s / 1e6).toFixed(1)} M syn events/s  peak ${l.peak_rss_mb.toFixed(0)} MB  ${check}${built}${precisionText(l)}`;
}

/** The float32 mode's note: its spikes that flip against float64 sums. */
export function precisionText(l: BenchLine): string {
  if (l.precision !== 'float32') return '';
  if (l.flips_per_million !== undefined) return `  float32 sums: ${l.flips_per_million.toFixed(1)} spikes per million flip against float64`;
  if (l.count_gap_per_million !== undefined) return `  float32 sums: output count ${l.count_gap_per_million.toFixed(1)} per million from float64's`;
  return '  float32 forward sums';
}
