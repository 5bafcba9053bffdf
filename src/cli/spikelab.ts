import { MappingError, SpikelabError } from '../core/errors.ts';
import { BENCH_USAGE, benchCommand } from './bench.ts';
import { CONVERT_USAGE, convertCommand } from './convert.ts';
import { EVAL_USAGE, evalCommand } from './eval.ts';
import { INSPECT_USAGE, inspectCommand } from './inspect.ts';
import { LINK_USAGE, linkCommand } from './link.ts';
import { EXPORT_USAGE, IMPORT_USAGE, exportCommand, importCommand } from './nir.ts';
import { TRAIN_USAGE, trainCommand } from './train.ts';
import { MAP_USAGE, mapCommand } from './map.ts';
import { CHIPS_USAGE, chipsCommand } from './chips.ts';
import { EXIT, UsageError, type CliIo } from './io.ts';
import { SIMULATE_USAGE, simulateCommand } from './simulate.ts';

const COMMANDS: Readonly<Record<string, { usage: string; run: (argv: string[], io: CliIo) => Promise<number> }>> = {
  simulate: { usage: SIMULATE_USAGE, run: simulateCommand },
  bench: { usage: BENCH_USAGE, run: benchCommand },
  inspect: { usage: INSPECT_USAGE, run: inspectCommand },
  train: { usage: TRAIN_USAGE, run: trainCommand },
  eval: { usage: EVAL_USAGE, run: evalCommand },
  convert: { usage: CONVERT_USAGE, run: convertCommand },
  map: { usage: MAP_USAGE, run: mapCommand },
  chips: { usage: CHIPS_USAGE, run: chipsCommand },
  link: { usage: LINK_USAGE, run: linkCommand },
  export: { usage: EXPORT_USAGE, run: exportCommand },
  import: { usage: IMPORT_USAGE, run: importCommand },
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
