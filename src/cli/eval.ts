import { parseArgs } from 'node:util';
import { createEngine } from '../core/engine/index.ts';
import { compileNetwork } from '../core/network/compile.ts';
import { trainingSchema } from '../core/spec/trainingConfig.ts';
import { evaluateSetWithActivity, metricsJson } from '../core/train/evaluate.ts';
import { formatNeurobench, neurobenchJson, neurobenchMetrics } from '../core/train/neurobenchMetrics.ts';
import { scoringSet } from '../core/train/scoringSets.ts';
import { readDataFolder } from './ecgRecords.ts';
import { formatDataWarning } from '../core/data/formats/dataWarnings.ts';
import { EXIT, UsageError, type CliIo } from './io.ts';
import { loadModelFile } from './loadWorkspace.ts';
import { chainOnlyReason } from '../core/network/graph.ts';
import { evaluateOnEventsWithActivity } from '../core/train/eventEngineScoring.ts';
import { modelForEvents } from './eventModel.ts';
import { parallelOption, parseSeeds, runOverSeeds, seedOption, withoutOptions } from './seedRuns.ts';
import type { ModelFile } from '../core/train/modelFile.ts';

/** The model with its workspace's seed replaced (--seed), or as saved. */
function withSeed(model: ModelFile, seed: number | undefined): ModelFile {
  return seed === undefined ? model : { ...model, workspace: { ...model.workspace, seed } };
}

/**
 * `spikelab eval`: scores a saved model on the files it is given — every labelled file of a folder
 * of WFDB records, WAV digits or N-MNIST events (the folder's test list where it has one), never a
 * split of them — or, without --data, on the built-in test samples training held out.
 */
export async function evalCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { model: { type: 'string' }, data: { type: 'string' }, 'bin-ms': { type: 'string' }, json: { type: 'boolean', default: false }, seed: { type: 'string' }, seeds: { type: 'string' }, parallel: { type: 'string' } }, strict: true });
  if (!values.model) throw new UsageError('--model MODEL.json is required');
  const seed = values.seed === undefined ? undefined : seedOption(values.seed);
  const binMs = values['bin-ms'] === undefined ? undefined : Number(values['bin-ms']);
  if (binMs !== undefined && !(binMs > 0 && binMs <= 1000)) throw new UsageError(`--bin-ms must be a number of ms in (0, 1000], got '${values['bin-ms']}'`);
  const loaded = withSeed(loadModelFile(values.model), seed);
  if (values.seeds !== undefined) {
    // The same weights scored again with each seed: what a seed changes here is the synthetic test
    // samples drawn and any stochastic encoder (rate coding), so the spread is the scoring's own.
    const seeds = parseSeeds(values.seeds, loaded.workspace.seed);
    const rest = withoutOptions(argv, ['seeds', 'seed', 'json', 'parallel']);
    const jobs = seeds.map((s) => ({ seed: s, argv: [...rest, '--seed', String(s), '--json'] }));
    return runOverSeeds('eval', jobs, parallelOption(values.parallel, seeds.length, 1), values.json, io);
  }
  const data = values.data ? readDataFolder(values.data, (w) => io.err(formatDataWarning(w))) : undefined;
  const model = data?.kind === 'events' ? modelForEvents(loaded, data.samples, binMs, values.model) : loaded;
  // Scoring counts hits per class; a model without class names (an imported NIR network) has none.
  if (model.classes.length === 0) throw new UsageError(`model '${values.model}' names no classes (it was not trained by Spikelab, e.g. imported from NIR), so it cannot be scored without labelled data; give --data, or train it (spikelab train) first`);
  const ws = model.workspace;
  const cfg = ws.training ?? trainingSchema.parse({});
  const scored = scoringSet(ws, cfg, model.classes.length, data);
  const net = compileNetwork(ws.network, model.weights, ws.seed);
  // tfjs steps chains of plain layers; anything else (a graph, a bias, a padded window) runs on
  // the event engine, which runs every network and is the reference.
  const reason = chainOnlyReason(ws.network);
  let run;
  if (reason) {
    io.err(`scoring on the event engine: ${reason}`);
    run = await evaluateOnEventsWithActivity(net, scored.set, scored.dtMs, ws.simulation.precision);
  } else {
    await createEngine('tfjs-wasm');
    run = evaluateSetWithActivity(net, scored.set, scored.dtMs, cfg);
  }
  const m = run.metrics;
  // NeuroBench's metrics under its names, from the activity of the same runs.
  const nb = neurobenchMetrics(net, run.activity);
  const where = values.data ? ` from ${values.data}` : '';
  if (values.json) io.out(JSON.stringify({ ...metricsJson(m, model.classes), ...neurobenchJson(nb), samples: scored.samples, files: scored.files, data: `${scored.description}${where}` }));
  else {
    io.out(`scored ${scored.description}${where}${scored.files > 0 ? ` (${scored.files} file${scored.files === 1 ? '' : 's'})` : ''}: accuracy ${(100 * m.accuracy).toFixed(2)} %, macro-F1 ${m.macroF1.toFixed(3)}`);
    model.classes.forEach((c, i) => io.out(`  ${c}: recall ${(100 * (m.perClass[i]?.recall ?? 0)).toFixed(1)} %, precision ${(100 * (m.perClass[i]?.precision ?? 0)).toFixed(1)} %, support ${m.perClass[i]?.support ?? 0}`));
    io.out(`confusion (rows true ${model.classes.join(' ')}): ${JSON.stringify(m.confusion)}`);
    io.out(formatNeurobench(nb));
  }
  return EXIT.ok;
}
