import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDataWarning } from '../core/data/formats/dataWarnings.ts';
import { createEngine } from '../core/engine/index.ts';
import { runStudy, type StudyHost } from '../core/study/runStudy.ts';
import { STUDIES, studyDefinition } from '../core/study/studyRegistry.ts';
import { studySpread } from '../core/study/studySeeds.ts';
import type { StudyDatasetName, StudyResult } from '../core/study/studyTypes.ts';
import type { TrainingData } from '../core/trainingSets/workspaceSets.ts';
import { readDataFolder } from './ecgRecords.ts';
import { EXIT, UsageError, type CliIo } from './io.ts';
import { kernelBytes } from './kernelFile.ts';
import { workspaceFiles } from './workspaceFiles.ts';
import { parseSeeds, seedOption } from './seedRuns.ts';
import { printStudy, printStudySpread } from './studyText.ts';

/** Which real data set a folder holds, from the files in it (WFDB heartbeats, WAV digits, events, EDF). */
export function datasetOfFolder(dir: string): StudyDatasetName {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--data '${dir}' is not a folder`);
  const names = readdirSync(dir, { recursive: true }).map(String);
  if (names.some((n) => n.endsWith('.hea') && !n.includes('/') && !n.includes('\\'))) return 'mitdb';
  if (names.some((n) => /\.edf$/i.test(n))) return 'eeg';
  if (names.some((n) => /\.wav$/i.test(n))) return 'fsdd';
  if (names.some((n) => /\.(bs2|bin)$/i.test(n))) return 'nmnist';
  throw new UsageError(`'${dir}' holds none of the data sets a study reads: WFDB heartbeat records (.hea/.dat/.atr), EDF recordings, WAV digits or N-MNIST events`);
}

/** The host of a CLI study: the folders given with --data, read when a task first asks. */
function cliHost(dirs: readonly string[], io: CliIo): Omit<StudyHost, 'engine'> {
  const folders = new Map<StudyDatasetName, string>();
  for (const d of dirs) folders.set(datasetOfFolder(d), d);
  const read = new Map<StudyDatasetName, TrainingData>();
  return {
    has: (name) => folders.has(name),
    data: (name) => {
      const dir = folders.get(name);
      if (dir === undefined) return undefined;
      let d = read.get(name);
      if (!d) {
        d = readDataFolder(name === 'fsdd' && existsSync(join(dir, 'recordings')) ? join(dir, 'recordings') : dir, (w) => io.err(formatDataWarning(w)));
        read.set(name, d);
      }
      return d;
    },
    // The chip mapping simulates a file-source workspace on its own file, from the folder that holds it.
    files: (ws) => {
      const source = ws.data;
      if (!('file' in source)) return undefined;
      const dir = [...folders.values()].find((f) => existsSync(join(f, source.file)));
      return dir === undefined ? undefined : workspaceFiles(ws, dir);
    },
  };
}

/**
 * `spikelab study NAME`: runs a study (core/study/runStudy.ts, as the page's Studies menu does) and
 * prints its comparison: a table, the paper's claims beside it, and its curves; `--json` prints
 * the StudyResult the page shows. `--seeds` runs it once per seed and prints each figure's spread.
 */
export async function studyCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { data: { type: 'string', multiple: true }, json: { type: 'boolean', default: false }, quick: { type: 'boolean', default: false }, seed: { type: 'string' }, seeds: { type: 'string' }, list: { type: 'boolean', default: false } },
    strict: true,
  });
  if (values.list) {
    for (const s of Object.values(STUDIES)) io.out(values.json ? JSON.stringify({ id: s.id, title: s.title }) : `${s.id.padEnd(14)} ${s.title}`);
    return EXIT.ok;
  }
  const name = positionals[0];
  if (name === undefined || positionals.length > 1) throw new UsageError(`give one study: ${Object.keys(STUDIES).join(', ')}`);
  if (!Object.hasOwn(STUDIES, name)) throw new UsageError(`no study '${name}'; the studies are ${Object.keys(STUDIES).join(', ')}`);
  const def = studyDefinition(name);
  const host = cliHost(values.data ?? [], io);
  const engine = await createEngine('tfjs-wasm');
  const kernel = await kernelBytes();
  const full: StudyHost = { ...host, engine, kernel };
  const base = values.seed !== undefined ? seedOption(values.seed) : undefined;
  const seeds = values.seeds !== undefined ? parseSeeds(values.seeds, base ?? 1) : [base];
  const runs: StudyResult[] = [];
  for (const seed of seeds) {
    const onProgress = (p: { task: string; system: string; stage: string; done: number; total: number }) => {
      const what = p.stage === 'train' ? 'training' : p.stage === 'learn on device' ? `learning a new class on the device (${p.task}) with` : undefined;
      if (p.system !== '' && what !== undefined) io.err(`${seed !== undefined ? `seed ${seed}: ` : ''}${what} ${p.system} (${p.done + 1} of ${p.total})`);
    };
    runs.push(await runStudy(def, full, { quick: values.quick, ...(seed !== undefined ? { seed } : {}), onProgress }));
  }
  const first = runs[0] as StudyResult;
  if (runs.length === 1) {
    if (values.json) io.out(JSON.stringify(first));
    else printStudy(first, def.about, io);
    return EXIT.ok;
  }
  const spread = studySpread(runs);
  if (values.json) io.out(JSON.stringify({ study: first.study, title: first.title, seeds: runs.map((r) => r.seed), spread, runs, claims: first.claims }));
  else printStudySpread(first, spread, io);
  return EXIT.ok;
}
