import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWav } from '../core/data/formats/wavReader.ts';
import { readWfdbRecord } from '../core/data/formats/wfdbRecord.ts';
import type { NamedRecord } from '../core/train/ecgTraining.ts';
import { UsageError } from './io.ts';

/** File names of a folder, or a UsageError that names it. */
function listFolder(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    throw new UsageError(`cannot read folder '${dir}'`);
  }
}

/** Every WFDB record of a folder (each .hea with its .dat and .atr), sorted by name. */
export function readWfdbFolder(dir: string): NamedRecord[] {
  const names = listFolder(dir);
  const heads = names.filter((n) => n.endsWith('.hea')).sort();
  if (heads.length === 0) throw new UsageError(`'${dir}' has no WFDB records (.hea files)`);
  return heads.map((h) => {
    const rec = h.slice(0, -4);
    const r = readWfdbRecord({
      header: { name: h, bytes: new Uint8Array(readFileSync(join(dir, h))) },
      data: new Map(names.filter((n) => n === `${rec}.dat`).map((n) => [n, new Uint8Array(readFileSync(join(dir, n)))])),
      annotations: names.includes(`${rec}.atr`) ? { name: `${rec}.atr`, bytes: new Uint8Array(readFileSync(join(dir, `${rec}.atr`))) } : undefined,
    });
    return { name: rec, signal: r.signal };
  });
}

/** Every WAV file of a folder, sorted by name (the name is the record's name: FSDD's DIGIT_SPEAKER_INDEX.wav). */
export function readWavFolder(dir: string): NamedRecord[] {
  const names = listFolder(dir)
    .filter((n) => n.toLowerCase().endsWith('.wav'))
    .sort();
  if (names.length === 0) throw new UsageError(`'${dir}' has no WAV files`);
  return names.map((n) => ({ name: n, signal: parseWav(new Uint8Array(readFileSync(join(dir, n))), n).signal }));
}

/** A data folder for training: WFDB records (ECG) if it has .hea files, else WAV recordings. */
export function readDataFolder(dir: string): NamedRecord[] {
  const names = listFolder(dir);
  if (names.some((n) => n.endsWith('.hea'))) return readWfdbFolder(dir);
  if (names.some((n) => n.toLowerCase().endsWith('.wav'))) return readWavFolder(dir);
  throw new UsageError(`'${dir}' has neither WFDB records (.hea/.dat/.atr) nor WAV files`);
}
