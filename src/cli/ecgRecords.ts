import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWfdbRecord } from '../core/data/formats/wfdbRecord.ts';
import type { NamedRecord } from '../core/train/ecgTraining.ts';
import { UsageError } from './io.ts';

/** Every WFDB record of a folder (each .hea with its .dat and .atr), sorted by name. */
export function readWfdbFolder(dir: string): NamedRecord[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new UsageError(`cannot read folder '${dir}'`);
  }
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
