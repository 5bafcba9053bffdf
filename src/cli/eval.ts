import { parseArgs } from 'node:util';
import { cutBeats } from '../core/data/datasets/ecgBeats.ts';
import { syntheticEcgBeats } from '../core/data/synth/syntheticDatasets.ts';
import { createEngine } from '../core/engine/index.ts';
import { compileNetwork } from '../core/network/compile.ts';
import { createRng } from '../core/rng.ts';
import { trainingSchema } from '../core/train/config.ts';
import { beatStepMs, beatWindowOf, encodeBeats } from '../core/train/ecgTraining.ts';
import { evaluateSet, metricsJson } from '../core/train/evaluate.ts';
import type { LabelledSet } from '../core/train/trainer.ts';
import { trainingSets } from '../core/train/trainWorkspace.ts';
import { readDataFolder } from './ecgRecords.ts';
import { EXIT, UsageError, type CliIo } from './io.ts';
import { loadModelFile } from './loadWorkspace.ts';


/** `spikelab eval`: scores a saved model on a folder of WFDB records, or on fresh synthetic beats. */
export async function evalCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { model: { type: 'string' }, data: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
  if (!values.model) throw new UsageError('--model MODEL.json is required');
  const model = loadModelFile(values.model);
  await createEngine('tfjs-wasm');
  const ws = model.workspace;
  const cfg = ws.training ?? trainingSchema.parse({});
  const data = values.data ? readDataFolder(values.data) : undefined;
  const records = data?.kind === 'signals' ? data.records : undefined;
  let set: LabelledSet;
  let dtMs: number;
  if (cfg.dataset.kind === 'source-classes' || data?.kind === 'events') {
    // Built-in sources regenerate the test samples training held out (same seeds); folders of
    // digits or events give their test part (the held-out speaker, the test label file).
    ({ test: set, dtMs } = trainingSets(ws, cfg, data));
  } else {
    const d = cfg.dataset;
    const short = records?.find((r) => r.signal.channels.length < d.leads);
    if (short) throw new UsageError(`the model cuts ${d.leads} leads per beat, but record ${short.name} has ${short.signal.channels.length}`);
    const beats = records
      ? records.flatMap((r) => cutBeats(r.name, r.signal, beatWindowOf(cfg)))
      : syntheticEcgBeats(Math.max(50, Math.round(d.beats / 4)), createRng(ws.seed + 1, 'test-beats'), undefined, beatWindowOf(cfg), ws.data.kind === 'synthetic-ecg' ? ws.data.samplingHz : 360);
    set = encodeBeats(ws, beats, 'test');
    dtMs = beatStepMs(cfg, records?.[0]?.signal.samplingHz ?? (ws.data.kind === 'synthetic-ecg' ? ws.data.samplingHz : 360));
  }
  const m = evaluateSet(compileNetwork(ws.network, model.weights, ws.seed), set, dtMs, cfg);
  const json = metricsJson(m, model.classes);
  if (values.json) io.out(JSON.stringify(json));
  else {
    io.out(`${set.labels.length} samples: accuracy ${(100 * m.accuracy).toFixed(2)} %, macro-F1 ${m.macroF1.toFixed(3)}`);
    model.classes.forEach((c, i) => io.out(`  ${c}: recall ${(100 * (m.perClass[i]?.recall ?? 0)).toFixed(1)} %, precision ${(100 * (m.perClass[i]?.precision ?? 0)).toFixed(1)} %, support ${m.perClass[i]?.support ?? 0}`));
    io.out(`confusion (rows true ${model.classes.join(' ')}): ${JSON.stringify(m.confusion)}`);
  }
  return EXIT.ok;
}
