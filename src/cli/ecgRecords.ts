import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataWarning } from '../core/data/formats/dataWarnings.ts';
import { parseNmnist } from '../core/data/formats/nmnistReader.ts';
import { parseWav } from '../core/data/formats/wavReader.ts';
import { readWfdbRecord } from '../core/data/formats/wfdbRecord.ts';
import type { NamedRecord } from '../core/trainingSets/ecgTraining.ts';
import type { LabelledEvents } from '../core/trainingSets/eventFileSets.ts';
import type { TrainingData } from '../core/trainingSets/workspaceSets.ts';
import { UsageError } from './io.ts';

/** File names of a folder, or a UsageError that names it. */
function listFolder(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    throw new UsageError(`cannot read folder '${dir}'`);
  }
}

/** Where a folder reader sends the warnings of the files it read (the CLI prints them on stderr). */
export type OnWarning = (w: DataWarning) => void;

/** Passes a record's warnings on and returns the record. */
function reported<R extends { readonly warnings?: readonly DataWarning[] | undefined }>(r: R, onWarning: OnWarning | undefined): R {
  for (const w of r.warnings ?? []) onWarning?.(w);
  return r;
}

/** Every WFDB record of a folder (each .hea with its .dat and .atr), sorted by name. */
export function readWfdbFolder(dir: string, onWarning?: OnWarning): NamedRecord[] {
  const names = listFolder(dir);
  const heads = names.filter((n) => n.endsWith('.hea')).sort();
  if (heads.length === 0) throw new UsageError(`'${dir}' has no WFDB records (.hea files)`);
  return heads.map((h) => {
    const rec = h.slice(0, -4);
    const r = reported(readWfdbRecord({
      header: { name: h, bytes: new Uint8Array(readFileSync(join(dir, h))) },
      data: new Map(names.filter((n) => n === `${rec}.dat`).map((n) => [n, new Uint8Array(readFileSync(join(dir, n)))])),
      annotations: names.includes(`${rec}.atr`) ? { name: `${rec}.atr`, bytes: new Uint8Array(readFileSync(join(dir, `${rec}.atr`))) } : undefined,
    }), onWarning);
    return { name: rec, signal: r.signal };
  });
}

/** Every WAV file of a folder, sorted by name (the name is the record's name: FSDD's DIGIT_SPEAKER_INDEX.wav). */
export function readWavFolder(dir: string, onWarning?: OnWarning): NamedRecord[] {
  const names = listFolder(dir)
    .filter((n) => n.toLowerCase().endsWith('.wav'))
    .sort();
  if (names.length === 0) throw new UsageError(`'${dir}' has no WAV files`);
  return names.map((n) => ({ name: n, signal: reported(parseWav(new Uint8Array(readFileSync(join(dir, n))), n), onWarning).signal }));
}

/**
 * Labelled event recordings: N-MNIST files (`N.bs2` or `N.bin`) listed with their digit in label
 * files (`train*.txt`, `test*.txt`: a header line, then `N<tab>digit`), the test files' samples
 * flagged as test. Files no label file names are left out.
 */
export function readEventFolder(dir: string, names: readonly string[], onWarning?: OnWarning): LabelledEvents[] {
  const labels = names.filter((n) => /^(train|test).*\.txt$/i.test(n)).sort();
  if (labels.length === 0) throw new UsageError(`'${dir}' has event files but no label files (train*.txt / test*.txt with lines 'N<tab>digit')`);
  const events = new Map(names.filter((n) => /\.(bs2|bin)$/i.test(n)).map((n) => [n.replace(/\.(bs2|bin)$/i, ''), n]));
  const out: LabelledEvents[] = [];
  for (const l of labels) {
    const test = /^test/i.test(l);
    for (const line of readFileSync(join(dir, l), 'utf8').split(/\r?\n/)) {
      const m = /^(\S+)\s+(\d+)\s*$/.exec(line);
      const file = m ? events.get(m[1] ?? '') : undefined;
      if (!m || !file) continue;
      out.push({ name: file, events: reported(parseNmnist(new Uint8Array(readFileSync(join(dir, file))), file), onWarning), label: Number(m[2]), test });
    }
  }
  if (out.length === 0) throw new UsageError(`no label line in ${labels.join(', ')} names an event file of '${dir}'`);
  return out;
}

/**
 * A data folder for training: WFDB records (ECG), WAV recordings, or labelled N-MNIST event files.
 * Damage a reader read through (a checksum mismatch, a cut WAV, events off the sensor) goes to
 * `onWarning`, file by file: the training goes on with the data as read.
 */
export function readDataFolder(dir: string, onWarning?: OnWarning): TrainingData {
  const names = listFolder(dir);
  if (names.some((n) => n.endsWith('.hea'))) return { kind: 'signals', records: readWfdbFolder(dir, onWarning) };
  if (names.some((n) => n.toLowerCase().endsWith('.wav'))) return { kind: 'signals', records: readWavFolder(dir, onWarning) };
  if (names.some((n) => /\.(bs2|bin)$/i.test(n))) return { kind: 'events', samples: readEventFolder(dir, names, onWarning) };
  throw new UsageError(`'${dir}' has no WFDB records (.hea/.dat/.atr), WAV files or N-MNIST event files (.bs2/.bin with label files)`);
}
