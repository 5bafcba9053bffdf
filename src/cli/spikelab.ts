import { readFileSync } from 'node:fs';
import { MappingError, SpikelabError } from '../core/errors.ts';
import { quoteInput, safeMessage } from '../core/format/inputText.ts';
import { cliMessage } from './cliMessage.ts';
import { EXIT, UsageError, type CliIo } from './io.ts';
import { COMMAND_USAGE, isCommand, overviewUsage, type CommandName } from './usage.ts';

type Run = (argv: string[], io: CliIo) => Promise<number>;

/** Whether an export or import line asks for PyTorch (--torch DIR, or --torch=DIR). */
const wantsTorch = (argv: readonly string[]): boolean => argv.some((a) => a === '--torch' || a.startsWith('--torch='));

// Each command's modules load only when it runs: tfjs, h5wasm and the data formats stay out of
// every other command's start (1.35 s and 186 MB for `bench --list` when all were loaded).
const COMMANDS: Readonly<Record<CommandName, Run>> = {
  simulate: async (a, io) => (await import('./simulate.ts')).simulateCommand(a, io),
  bench: async (a, io) => (await import('./bench.ts')).benchCommand(a, io),
  inspect: async (a, io) => (await import('./inspect.ts')).inspectCommand(a, io),
  train: async (a, io) => (await import('./train.ts')).trainCommand(a, io),
  eval: async (a, io) => (await import('./eval.ts')).evalCommand(a, io),
  convert: async (a, io) => (await import('./convert.ts')).convertCommand(a, io),
  map: async (a, io) => (await import('./map.ts')).mapCommand(a, io),
  chips: async (a, io) => (await import('./chips.ts')).chipsCommand(a, io),
  study: async (a, io) => (await import('./study.ts')).studyCommand(a, io),
  'energy-check': async (a, io) => (await import('./energyCheck.ts')).energyCheckCommand(a, io),
  link: async (a, io) => (await import('./link.ts')).linkCommand(a, io),
  // --torch: a PyTorch training project and its trained weights (torchExport.ts, torchImport.ts); else NIR.
  export: async (a, io) => (wantsTorch(a) ? (await import('./torchExport.ts')).torchExportCommand(a, io) : (await import('./nir.ts')).exportCommand(a, io)),
  import: async (a, io) => (wantsTorch(a) ? (await import('./torchImport.ts')).torchImportCommand(a, io) : (await import('./nir.ts')).importCommand(a, io)),
};

const HELP_FLAGS = new Set(['--help', '-h']);

/** The version of package.json, read when asked (the launcher has no build step to bake it in). */
function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return String(pkg.version);
}

/** `spikelab help [COMMAND]`: the overview, or one command's usage. */
function help(topic: string | undefined, io: CliIo): number {
  if (topic === undefined) {
    io.out(overviewUsage());
    return EXIT.ok;
  }
  if (!isCommand(topic)) {
    io.err(`spikelab: unknown command '${quoteInput(topic)}'\n${overviewUsage()}`);
    return EXIT.usage;
  }
  io.out(COMMAND_USAGE[topic]);
  return EXIT.ok;
}

/**
 * Every line the CLI prints goes through safeMessage: a name, a file's text or a key from the
 * input that a message or a table carries can never move the cursor, clear the terminal or turn
 * text right to left. Errors are also bounded (MESSAGE_CHARS); output (tables, JSON) is not.
 */
function terminalSafe(io: CliIo): CliIo {
  return { out: (line) => io.out(safeMessage(line, Infinity)), err: (line) => io.err(safeMessage(line, Infinity)) };
}

/** Entry point of the CLI; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: string[], rawIo: CliIo): Promise<number> {
  const io = terminalSafe(rawIo);
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.out(overviewUsage());
    return EXIT.usage;
  }
  if (name === 'help' || HELP_FLAGS.has(name)) return help(rest[0], io);
  if (name === '--version') {
    io.out(`spikelab ${version()}`);
    return EXIT.ok;
  }
  if (!isCommand(name)) {
    io.err(`spikelab: unknown command '${quoteInput(name)}'\n${overviewUsage()}`);
    return EXIT.usage;
  }
  const usage = COMMAND_USAGE[name];
  // --help anywhere asks for the usage, whatever else the line holds (it may be half written).
  if (rest.some((a) => HELP_FLAGS.has(a))) {
    io.out(usage);
    return EXIT.ok;
  }
  try {
    return await COMMANDS[name](rest, io);
  } catch (e) {
    // parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown or malformed options.
    const code = (e as { code?: unknown }).code;
    if (e instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      io.err(`spikelab ${name}: ${safeMessage((e as Error).message)}\n${usage}`);
      return EXIT.usage;
    }
    if (e instanceof MappingError) {
      io.err(`spikelab ${name}: ${e.message}`);
      return EXIT.noFit;
    }
    if (e instanceof SpikelabError) {
      io.err(`spikelab ${name}: ${cliMessage(e)}`);
      return EXIT.usage;
    }
    io.err(`spikelab ${name}: failed: ${safeMessage(e instanceof Error ? (e.stack ?? e.message) : String(e))}`);
    return EXIT.failed;
  }
}
