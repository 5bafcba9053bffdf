import { quoteInput } from '../../format/inputText.ts';
import { DataFormatError } from '../../errors.ts';
import type { Signal } from '../signal.ts';
import { parseWfdbAnnotations, type WfdbAnnotation } from './wfdbAnnotations.ts';
import { parseWfdbHeader, type WfdbHeader } from './wfdbHeader.ts';
import { decodeWfdbSignals, framesInFile } from './wfdbSignals.ts';
import { checkSize, utf8 } from './byteReader.ts';
import type { DataWarning } from './dataWarnings.ts';
import { checksumWarning } from './wfdbChecksum.ts';
import { checkFileBudget } from './fileBudgets.ts';

/** A WFDB record: header, digital samples per signal, annotations (if an annotation file came). */
export interface WfdbRecord {
  readonly format: 'wfdb';
  readonly file: string;
  readonly header: WfdbHeader;
  readonly digital: readonly Int16Array[];
  readonly annotations: readonly WfdbAnnotation[];
  /** Physical values in the header's units, interleaved, with R-peak annotations (beats only). */
  readonly signal: Signal;
  /** Damage read through: a signal whose samples do not match the header's checksum. */
  readonly warnings: readonly DataWarning[];
}

/** Files of one record: the header text plus data files and an annotation file by name. */
export interface WfdbFiles {
  readonly header: { name: string; bytes: Uint8Array };
  readonly data: ReadonlyMap<string, Uint8Array>;
  readonly annotations?: { name: string; bytes: Uint8Array } | undefined;
}

/**
 * Reads a record from its files. Signals that share a data file are interleaved in it (as in
 * MIT-BIH: both leads in NNN.dat, format 212). Checks the header's initial value of each signal
 * (a mismatch means a wrong format: refused) and its checksum (a mismatch means damage: a warning);
 * physical value = (digital − baseline) / gain.
 */
export function readWfdbRecord(files: WfdbFiles): WfdbRecord {
  const h = parseWfdbHeader(utf8(files.header.bytes), files.header.name);
  const groups = new Map<string, number[]>();
  h.signals.forEach((s, i) => groups.set(s.file, [...(groups.get(s.file) ?? []), i]));
  const digital: Int16Array[] = new Array<Int16Array>(h.signals.length);
  let length = h.samples;
  const warnings: DataWarning[] = [];
  for (const [name, idx] of groups) {
    const bytes = files.data.get(name);
    if (!bytes) throw new DataFormatError(files.header.name, 'signal file', 0, `the header names data file '${quoteInput(name)}', which was not provided (drop it together with the .hea)`);
    checkSize(bytes, name);
    const first = h.signals[idx[0] ?? 0];
    const format = first?.format ?? 16;
    if (idx.some((i) => h.signals[i]?.format !== format)) throw new DataFormatError(name, 'format', 0, 'signals sharing one file must share one format');
    const available = framesInFile(bytes.length, format, idx.length);
    const frames = length ?? available;
    if (frames > available) throw new DataFormatError(name, 'samples', bytes.length, `the header announces ${frames} samples per signal but the file holds ${available}`);
    length = frames;
    // Each sample becomes 6 bytes (digital and physical): cost the record before allocating.
    checkFileBudget('signalValues', frames * h.signals.length, name, 'samples', 0, `${frames * h.signals.length} samples (${frames} frames × ${h.signals.length} signals)`);
    const decoded = decodeWfdbSignals(bytes, name, format, idx.length, frames);
    idx.forEach((sig, k) => {
      const d = decoded[k] ?? new Int16Array(frames);
      const spec = h.signals[sig];
      if (spec?.initialValue !== undefined && frames > 0 && d[0] !== spec.initialValue) {
        throw new DataFormatError(name, `signal ${sig} initial value`, 0, `decoded ${d[0]} but the header says ${spec.initialValue} (wrong format or corrupted file)`);
      }
      const damaged = spec ? checksumWarning(files.header.name, name, sig, spec, d) : undefined;
      if (damaged) warnings.push(damaged);
      digital[sig] = d;
    });
  }
  const n = length ?? 0;
  const channels = h.signals.length;
  const values = new Float32Array(n * channels);
  h.signals.forEach((s, c) => {
    const d = digital[c] ?? new Int16Array(n);
    for (let t = 0; t < n; t++) values[t * channels + c] = ((d[t] as number) - s.baseline) / s.gain;
  });
  const annotations = files.annotations ? parseWfdbAnnotations(files.annotations.bytes, files.annotations.name, n) : [];
  return {
    format: 'wfdb',
    file: files.header.name,
    header: h,
    digital,
    annotations,
    signal: {
      samplingHz: h.samplingHz,
      channels: h.signals.map((s, i) => s.description || `signal ${i}`),
      unit: h.signals[0]?.units ?? 'mV',
      length: n,
      values,
      annotations: annotations.map((a) => ({ sample: a.sample, symbol: a.symbol })),
    },
    warnings,
  };
}
