import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createEngine } from '../core/engine/index.ts';
import { trainingSchema } from '../core/spec/trainingConfig.ts';
import { serializeModel } from '../core/train/modelFile.ts';
import { metricsJson } from '../core/train/evaluate.ts';
import { trainWorkspace } from '../core/train/trainWorkspace.ts';
import { readDataFolder } from './ecgRecords.ts';
import { formatDataWarning } from '../core/data/formats/dataWarnings.ts';
import { availableParallelism } from 'node:os';
import { kernelBytes } from './kernelFile.ts';
import { EXIT, UsageError, type CliIo } from './io.ts';
import { loadPreset, loadWorkspaceFile } from './loadWorkspace.ts';
import { parallelOption, parseSeeds, runOverSeeds, seedOption, seedPath, withoutOptions } from './seedRuns.ts';


/**
 * `spikelab train`: trains the workspace's network (on Spikelab's BPTT kernel when it supports
 * the network, else tfjs-wasm; --train-engine chooses) and saves a model.
 */
export async function trainCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      preset: { type: 'string' },
      workspace: { type: 'string' },
      data: { type: 'string' },
      epochs: { type: 'string' },
      split: { type: 'string' },
      'held-out': { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
      'train-engine': { type: 'string' },
      threads: { type: 'string' },
      seeds: { type: 'string' },
      parallel: { type: 'string' },
    },
    strict: true,
  });
  if ((values.workspace === undefined) === (values.preset === undefined)) throw new UsageError('give exactly one of --workspace FILE or --preset NAME');
  if (!values.out) throw new UsageError('--out MODEL.json is required');
  const choice = values['train-engine'] ?? 'auto';
  if (choice !== 'auto' && choice !== 'kernel' && choice !== 'tfjs') throw new UsageError(`--train-engine must be auto, kernel or tfjs, got '${choice}'`);
  if (values.split !== undefined && values.split !== 'intra' && values.split !== 'inter') throw new UsageError(`--split must be intra or inter, got '${values.split}'`);
  // Default: every core, at most 4 (the gain levels off as the batch slices shrink), but one on
  // a 2-core machine: there a second thread trained the presets no faster (0.98–1.01× of one,
  // 2026-12-07: their batches are small, so the threads' fixed costs eat the gain), though W2's
  // batch of 64 trains 1.6× faster (README, "Threads").
  const cores = availableParallelism();
  const threads = values.threads === undefined ? (cores < 3 ? 1 : Math.min(4, cores)) : Number(values.threads);
  const threadsNote = values.threads === undefined && cores < 3 ? `this machine reports ${cores === 1 ? 'a single core' : '2 cores, where a second thread trained the presets no faster; --threads 2 to try'}` : undefined;
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new UsageError(`--threads must be a whole number from 1 to 64, got '${values.threads}'`);
  const epochs = values.epochs === undefined ? undefined : Number(values.epochs);
  if (epochs !== undefined && (!Number.isInteger(epochs) || epochs < 1)) throw new UsageError(`--epochs must be a whole number ≥ 1, got '${values.epochs}'`);
  let ws = values.workspace !== undefined ? loadWorkspaceFile(values.workspace) : loadPreset(values.preset ?? '');
  if (values.seeds !== undefined) {
    const seeds = parseSeeds(values.seeds, values.seed !== undefined ? seedOption(values.seed) : ws.seed);
    const rest = withoutOptions(argv, ['seeds', 'seed', 'out', 'json', 'parallel']);
    const jobs = seeds.map((seed) => ({ seed, argv: [...rest, '--seed', String(seed), '--out', seedPath(values.out as string, seed), '--json'] }));
    return runOverSeeds('train', jobs, parallelOption(values.parallel, seeds.length, threads), values.json, io);
  }
  const training = trainingSchema.parse({
    ...(ws.training ?? {}),
    ...(epochs !== undefined ? { epochs } : {}),
    dataset: { ...(ws.training?.dataset ?? {}), ...(values.split !== undefined ? { split: values.split } : {}), ...(values['held-out'] !== undefined ? { heldOut: values['held-out'] } : {}) },
  });
  if (values['held-out'] !== undefined && training.dataset.kind !== 'source-classes') throw new UsageError(`--held-out SPEAKER holds out a speaker of spoken digits; this workspace trains on ${training.dataset.kind}`);
  // The split that counts is the workspace's own unless --split overrides it.
  if (values['held-out'] !== undefined && training.dataset.split === 'intra') throw new UsageError('--held-out SPEAKER goes with --split inter (a whole speaker held out), not intra');
  if (values.seed !== undefined) ws = { ...ws, seed: seedOption(values.seed) };
  ws = { ...ws, training };
  const engine = await createEngine('tfjs-wasm');
  const data = values.data ? readDataFolder(values.data, (w) => io.err(formatDataWarning(w))) : undefined;
  const kernel = choice === 'tfjs' ? undefined : await kernelBytes();
  if (!values.json) io.out(`training on ${data ? `${data.kind === 'signals' ? data.records.length : data.samples.length} recordings from ${values.data}` : training.dataset.kind === 'ecg-beats' ? 'synthetic beats' : `the built-in ${ws.data.kind} source`}; ${training.epochs} epochs`);
  const { startNodeBpttThread } = await import('./bpttThreads.ts');
  const options = { engine: choice, ...(kernel ? { kernel } : {}), ...(threads > 1 ? { threads: { start: startNodeBpttThread, threads } } : {}), ...(threadsNote ? { threadsNote } : {}) } as const;
  const result = await trainWorkspace(ws, data, {
    onEpoch: (e) =>
      io.out(
        values.json
          ? JSON.stringify({ epoch: e.epoch, loss: e.loss, val_loss: e.valLoss, train_accuracy: e.trainAccuracy, val_accuracy: e.valAccuracy, spikes_per_sample: e.layerSpikes, ms_per_batch: e.msPerBatch })
          : `epoch ${e.epoch + 1}: loss ${e.loss.toFixed(4)} (validation ${e.valLoss.toFixed(4)}), train ${(100 * e.trainAccuracy).toFixed(1)} %, validation ${(100 * e.valAccuracy).toFixed(1)} %, spikes/sample ${Object.entries(e.layerSpikes).map(([l, v]) => `${l} ${v.toFixed(0)}`).join(' ')}, ${e.msPerBatch.toFixed(0)} ms/batch`,
      ),
  }, options);
  const test = result.test;
  const metrics = metricsJson(test, result.classes);
  const learned = Object.keys(result.neuronParams).length > 0 ? { learned: result.neuronParams } : {};
  writeFileSync(values.out, serializeModel({ workspace: result.workspace, classes: [...result.classes], weights: result.weights, metrics: { ...metrics, best_epoch: result.bestEpoch, data: result.description, ...learned } }));
  const trainedOn = result.engine.name === 'kernel' ? `${result.engine.reason}; test set scored on tfjs ${engine.info().name}` : `tfjs ${result.backend} (the kernel was not used: ${result.engine.reason})`;
  if (!values.json) io.out(`${result.description}; trained on ${trainedOn}; best epoch ${result.bestEpoch + 1}${learned.learned ? `; learned ${JSON.stringify(learned.learned)}` : ''}`);
  io.out(values.json ? JSON.stringify({ ...metrics, best_epoch: result.bestEpoch, model: values.out }) : `test accuracy ${(100 * test.accuracy).toFixed(2)} %, macro-F1 ${test.macroF1.toFixed(3)}; model written to ${values.out}`);
  return EXIT.ok;
}
