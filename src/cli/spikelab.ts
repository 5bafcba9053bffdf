import { MappingError, SpikelabError } from '../core/errors.ts';
import { BENCH_USAGE, CHIPS_USAGE, CONVERT_USAGE, EVAL_USAGE, EXPORT_USAGE, IMPORT_USAGE, INSPECT_USAGE, LINK_USAGE, MAP_USAGE, SIMULATE_USAGE, TRAIN_USAGE } from './usage.ts';
import { EXIT, UsageError, type CliIo } from './io.ts';

type Run = (argv: string[], io: CliIo) => Promise<number>;

// Each command's modules load only when it runs: tfjs, h5wasm and the data formats stay out of
// every other command's start (1.35 s and 186 MB for `bench --list` when all were loaded).
const COMMANDS: Readonly<Record<string, { usage: string; run: Run }>> = {
  simulate: { usage: SIMULATE_USAGE, run: async (a, io) => (await import('./simulate.ts')).simulateCommand(a, io) },
  bench: { usage: BENCH_USAGE, run: async (a, io) => (await import('./bench.ts')).benchCommand(a, io) },
  inspect: { usage: INSPECT_USAGE, run: async (a, io) => (await import('./inspect.ts')).inspectCommand(a, io) },
  train: { usage: TRAIN_USAGE, run: async (a, io) => (await import('./train.ts')).trainCommand(a, io) },
  eval: { usage: EVAL_USAGE, run: async (a, io) => (await import('./eval.ts')).evalCommand(a, io) },
  convert: { usage: CONVERT_USAGE, run: async (a, io) => (await import('./convert.ts')).convertCommand(a, io) },
  map: { usage: MAP_USAGE, run: async (a, io) => (await import('./map.ts')).mapCommand(a, io) },
  chips: { usage: CHIPS_USAGE, run: async (a, io) => (await import('./chips.ts')).chipsCommand(a, io) },
  link: { usage: LINK_USAGE, run: async (a, io) => (await import('./link.ts')).linkCommand(a, io) },
  export: { usage: EXPORT_USAGE, run: async (a, io) => (await import('./nir.ts')).exportCommand(a, io) },
  import: { usage: IMPORT_USAGE, run: async (a, io) => (await import('./nir.ts')).importCommand(a, io) },
};

const USAGE = ['usage: spikelab <command> [options]', ...Object.values(COMMANDS).map((c) => '  ' + c.usage.replace('usage: ', ''))].join('\n');

/** Entry point of the CLI; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    io.err(`spikelab: unknown command '${name}'\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    // parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown or malformed options.
    const code = (e as { code?: unknown }).code;
    if (e instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      io.err(`spikelab ${name}: ${(e as Error).message}\n${cmd.usage}`);
      return EXIT.usage;
    }
    if (e instanceof MappingError) {
      io.err(`spikelab ${name}: ${e.message}`);
      return EXIT.noFit;
    }
    if (e instanceof SpikelabError) {
      io.err(`spikelab ${name}: ${e.message}`);
      return EXIT.usage;
    }
    io.err(`spikelab ${name}: failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return EXIT.failed;
  }
}
