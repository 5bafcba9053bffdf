import { DataFormatError } from '../../errors.ts';
import { parseAedat2, parseAedat3 } from './aedatReader.ts';
import { parseCsv, type CsvRecord } from './csvReader.ts';
import { detectFormat } from './detectFormat.ts';
import { parseEdf, type EdfRecord } from './edfReader.ts';
import type { EventRecord } from './eventsRecord.ts';
import { parseIdx, type IdxRecord } from './idxReader.ts';
import { parseNmnist } from './nmnistReader.ts';
import { parseWav, type WavRecord } from './wavReader.ts';
import { readWfdbRecord, type WfdbRecord } from './wfdbRecord.ts';

/** A file as the user dropped it. */
export interface NamedBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Any parsed record. */
export type DataRecord = WfdbRecord | EdfRecord | EventRecord | WavRecord | IdxRecord | CsvRecord;

const base = (name: string) => name.replace(/^.*[\\/]/, '');
const stem = (name: string) => base(name).replace(/\.[^.]*$/, '');

/**
 * Parses a set of files dropped together. WFDB records are named by their `.hea`: the data files
 * it lists and the `.atr` of the same record name are taken from the set (a `.dat` or `.atr`
 * without its `.hea` is an error saying so). Every other file is parsed on its own.
 */
export function loadFiles(files: readonly NamedBytes[], options: { csvSamplingHz?: number; onFile?: (done: number, total: number) => void } = {}): DataRecord[] {
  const byName = new Map(files.map((f) => [base(f.name), f]));
  const used = new Set<string>();
  const out: DataRecord[] = [];
  for (const f of files) {
    const format = detectFormat(f.bytes, f.name);
    if (format !== 'wfdb-header') continue;
    const record = stem(f.name);
    const data = new Map<string, Uint8Array>();
    for (const [n, g] of byName) if (n.endsWith('.dat') && stem(n) === record) data.set(n, g.bytes);
    const atr = byName.get(`${record}.atr`);
    used.add(base(f.name));
    for (const n of data.keys()) used.add(n);
    if (atr) used.add(`${record}.atr`);
    out.push(readWfdbRecord({ header: { name: f.name, bytes: f.bytes }, data, annotations: atr ? { name: `${record}.atr`, bytes: atr.bytes } : undefined }));
    options.onFile?.(used.size, files.length);
  }
  for (const f of files) {
    if (used.has(base(f.name))) continue;
    const format = detectFormat(f.bytes, f.name);
    switch (format) {
      case 'wfdb-header':
        break;
      case 'wfdb-data':
      case 'wfdb-annotations':
        throw new DataFormatError(f.name, 'record', 0, `a WFDB ${format === 'wfdb-data' ? 'signal' : 'annotation'} file needs its header: drop ${stem(f.name)}.hea with it`);
      case 'edf':
      case 'bdf':
        out.push(parseEdf(f.bytes, f.name));
        break;
      case 'nmnist':
        out.push(parseNmnist(f.bytes, f.name));
        break;
      case 'aedat2':
        out.push(parseAedat2(f.bytes, f.name));
        break;
      case 'aedat3':
        out.push(parseAedat3(f.bytes, f.name));
        break;
      case 'wav':
        out.push(parseWav(f.bytes, f.name));
        break;
      case 'idx':
        out.push(parseIdx(f.bytes, f.name));
        break;
      case 'csv':
        out.push(parseCsv(f.bytes, f.name, options.csvSamplingHz ?? 1));
        break;
    }
    used.add(base(f.name));
    options.onFile?.(used.size, files.length);
  }
  return out;
}
