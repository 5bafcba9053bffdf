import { quoteInput, WORKSPACE_NAME_CHARS } from '../core/format/inputText.ts';
import { parseArgs } from 'node:util';
import { formatDataWarning } from '../core/data/formats/dataWarnings.ts';
import { createEngine, type EngineRequest } from '../core/engine/index.ts';
import { prepareRun, simulatePrepared } from '../core/pipeline.ts';
import { EXIT, UsageError, type CliIo } from './io.ts';
import { kernelBytes } from './kernelFile.ts';
import { loadRunTarget } from './loadWorkspace.ts';
import { workspaceFiles } from './workspaceFiles.ts';


const ENGINES: readonly EngineRequest[] = ['events', 'wasm', 'tfjs-cpu', 'tfjs-wasm'];

/** `spikelab simulate`: runs a workspace and prints spike counts, firing rates and the engine. */
export async function simulateCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      workspace: { type: 'string' },
      preset: { type: 'string' },
      model: { type: 'string' },
      data: { type: 'string' },
      engine: { type: 'string', default: 'events' },
      seed: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const engineName = values.engine as EngineRequest;
  if (!ENGINES.includes(engineName)) throw new UsageError(`unknown engine '${values.engine}'; choose one of ${ENGINES.join(', ')}`);
  const target = loadRunTarget(values);
  const model = target.model;
  let ws = target.workspace;
  if (values.seed !== undefined) {
    const seed = Number(values.seed);
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new UsageError(`--seed must be a whole number from 0 to 4294967295, got '${values.seed}'`);
    ws = { ...ws, seed };
  }
  const files = values.data !== undefined ? workspaceFiles(ws, values.data) : undefined;
  // Damage the readers read through (a checksum mismatch, a cut-off WAV): the run goes on, and says so.
  const warnings = files?.list().flatMap((r) => r.summary.warnings) ?? [];
  const run = prepareRun(ws, model?.weights, files);
  const engine = await createEngine(engineName, engineName === 'wasm' ? { kernel: await kernelBytes() } : {});
  const result = await simulatePrepared(run, engine, ws);
  engine.dispose();
  const durationS = (result.steps * result.dtMs) / 1000;
  const layers = result.layers.map((l) => ({ name: l.name, neurons: l.neurons, spikes: l.spikeCount, rate_hz: l.spikeCount / l.neurons / durationS }));
  const info = engine.info();
  if (values.json) {
    io.out(JSON.stringify({ engine: info.name, backend: info.backend, steps: result.steps, dt_ms: result.dtMs, layers, readouts: result.readouts.map((r) => ({ name: r.name, values: [...r.values] })), warnings, notes: result.notes }));
    return EXIT.ok;
  }
  io.out(`workspace '${quoteInput(ws.name, WORKSPACE_NAME_CHARS)}', seed ${ws.seed}: ${result.steps} steps of ${result.dtMs} ms (${durationS} s)`);
  io.out(`engine ${info.name} (${info.reason}), ${result.elapsedMs} ms`);
  for (const w of warnings) io.out(formatDataWarning(w));
  io.out('layer'.padEnd(16) + 'neurons'.padStart(9) + 'spikes'.padStart(10) + 'rate (Hz)'.padStart(11));
  for (const l of layers) io.out(l.name.padEnd(16) + String(l.neurons).padStart(9) + String(l.spikes).padStart(10) + l.rate_hz.toFixed(2).padStart(11));
  for (const n of result.notes) io.out(`note: ${n.message}`);
  return EXIT.ok;
}
