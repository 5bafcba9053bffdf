import { quoteInput } from '../../format/inputText.ts';
import { DataFormatError } from '../../errors.ts';
import { ByteReader, checkSize } from './byteReader.ts';
import { dataWarning, type DataWarning } from './dataWarnings.ts';
import { checkSignalHeader } from './edfSignalChecks.ts';
import { checkFileBudget } from './fileBudgets.ts';

/** One signal of an EDF/BDF file, in physical units. */
export interface EdfSignal {
  readonly label: string;
  readonly transducer: string;
  readonly unit: string;
  readonly prefilter: string;
  readonly samplingHz: number;
  readonly samplesPerRecord: number;
  readonly physicalMin: number;
  readonly physicalMax: number;
  readonly digitalMin: number;
  readonly digitalMax: number;
  readonly digital: Int32Array;
  readonly values: Float32Array;
}

/** One EDF+ annotation from a time-stamped annotation list (TAL). */
export interface EdfAnnotation {
  readonly onsetS: number;
  readonly durationS: number | undefined;
  readonly text: string;
}

/** A parsed EDF, EDF+ or BDF(+) file. */
export interface EdfRecord {
  readonly format: 'edf' | 'bdf';
  readonly variant: 'EDF' | 'EDF+C' | 'BDF' | 'BDF+C';
  readonly file: string;
  readonly patient: string;
  readonly recording: string;
  readonly start: string;
  readonly records: number;
  readonly recordDurationS: number;
  readonly signals: readonly EdfSignal[];
  readonly annotations: readonly EdfAnnotation[];
  /** Damage read through: a record count of −1 (unknown) taken from the file's size. */
  readonly warnings: readonly DataWarning[];
}

const field = (r: ByteReader, o: number, n: number, name: string) => r.ascii(o, n, name).trim();

function numberField(r: ByteReader, o: number, n: number, name: string): number {
  const s = field(r, o, n, name);
  const v = Number(s);
  if (s === '' || !Number.isFinite(v)) r.fail(name, o, `'${quoteInput(s)}' is not a number`);
  return v;
}

/**
 * Parses EDF (Kemp et al. 1992), EDF+ (Kemp & Olivan 2003) and BioSemi BDF: the 256-byte header,
 * 256 bytes per signal, then data records of each signal's samples (16-bit, or 24-bit for BDF,
 * little-endian two's complement). Physical value = (d − dmin)·(pmax − pmin)/(dmax − dmin) + pmin.
 * Annotation signals ('EDF Annotations') are decoded as TALs. Discontinuous EDF+D is refused.
 */
export function parseEdf(bytes: Uint8Array, file: string): EdfRecord {
  checkSize(bytes, file);
  const r: ByteReader = new ByteReader(bytes, file);
  const bdf = r.u8(0, 'version') === 0xff;
  if (bdf ? r.ascii(1, 7, 'version') !== 'BIOSEMI' : field(r, 0, 8, 'version') !== '0') {
    r.fail('version', 0, "not an EDF ('0') or BDF (0xFF 'BIOSEMI') file");
  }
  const reserved = field(r, 192, 44, 'reserved');
  if (reserved.startsWith('EDF+D') || reserved.startsWith('BDF+D')) r.fail('reserved', 192, 'discontinuous EDF+D/BDF+D files are not supported yet; export the recording as continuous (EDF+C)');
  const headerBytes = numberField(r, 184, 8, 'header bytes');
  const ns = numberField(r, 252, 4, 'number of signals');
  if (!Number.isInteger(ns) || ns < 1 || ns > 4096) r.fail('number of signals', 252, `${ns} is not a signal count`);
  if (headerBytes !== 256 * (ns + 1)) r.fail('header bytes', 184, `${headerBytes} but ${ns} signals need ${256 * (ns + 1)}`);
  r.need(0, headerBytes, 'signal headers');
  const duration = numberField(r, 244, 8, 'duration of a data record');
  let records = numberField(r, 236, 8, 'number of records');
  // −1 is the one negative count the spec allows (a recording still being written): read on below.
  if (records !== -1 && (!Number.isInteger(records) || records < 0)) r.fail('number of records', 236, `${records} is not a count (−1 means unknown)`);
  // The signal header stores each field for all ns signals in turn: label (16 bytes each), …
  const offsets = { label: 256, transducer: 256 + 16 * ns, dim: 256 + 96 * ns, pmin: 256 + 104 * ns, pmax: 256 + 112 * ns, dmin: 256 + 120 * ns, dmax: 256 + 128 * ns, prefilter: 256 + 136 * ns, nsamp: 256 + 216 * ns };
  const bytesPer = bdf ? 3 : 2;
  const heads = Array.from({ length: ns }, (_, i) => ({
    label: field(r, offsets.label + 16 * i, 16, `signal ${i} label`),
    transducer: field(r, offsets.transducer + 80 * i, 80, `signal ${i} transducer`),
    unit: field(r, offsets.dim + 8 * i, 8, `signal ${i} physical dimension`),
    physicalMin: numberField(r, offsets.pmin + 8 * i, 8, `signal ${i} physical minimum`),
    physicalMax: numberField(r, offsets.pmax + 8 * i, 8, `signal ${i} physical maximum`),
    digitalMin: numberField(r, offsets.dmin + 8 * i, 8, `signal ${i} digital minimum`),
    digitalMax: numberField(r, offsets.dmax + 8 * i, 8, `signal ${i} digital maximum`),
    prefilter: field(r, offsets.prefilter + 80 * i, 80, `signal ${i} prefiltering`),
    samplesPerRecord: numberField(r, offsets.nsamp + 8 * i, 8, `signal ${i} samples per record`),
  }));
  const isAnnotation = (label: string) => label === 'EDF Annotations' || label === 'BDF Annotations';
  // EDF+ lets a file of annotations only have records of duration 0; a signal needs a real one.
  const annotationsOnly = heads.every((h) => isAnnotation(h.label));
  if (!Number.isFinite(duration) || duration < 0 || (duration === 0 && !annotationsOnly)) r.fail('duration of a data record', 244, `${duration} s: a data record must last more than 0 s`);
  heads.forEach((h, i) => checkSignalHeader(r, h, i, offsets, bdf, isAnnotation(h.label) ? undefined : duration));
  const recordBytes = heads.reduce((a, h) => a + h.samplesPerRecord * bytesPer, 0);
  const available = Math.floor((bytes.length - headerBytes) / recordBytes);
  const warnings: DataWarning[] = [];
  if (records === -1) {
    records = available;
    warnings.push(dataWarning('record_count_unknown', file, 'number of records', 236, `-1 (unknown, a recording not closed): ${available} whole records of ${recordBytes} bytes read from the file's size`));
  }
  if (records > available) r.fail('data records', bytes.length, `the header announces ${records} records of ${recordBytes} bytes but the file holds ${available}`);
  // Each 2- or 3-byte sample becomes 8 bytes (digital and physical): cost it before allocating.
  const perRecord = heads.reduce((a, h) => a + (isAnnotation(h.label) ? 0 : h.samplesPerRecord), 0);
  checkFileBudget('signalValues', perRecord * records, file, 'number of records', 236, `${perRecord * records} samples (${records} records × ${perRecord} samples)`);
  const digital = heads.map((h) => new Int32Array(isAnnotation(h.label) ? 0 : h.samplesPerRecord * records));
  const annotations: EdfAnnotation[] = [];
  let o = headerBytes;
  for (let rec = 0; rec < records; rec++) {
    heads.forEach((h, i) => {
      const n = h.samplesPerRecord;
      // Appended in place: spreading a record's TALs into push() overflows the stack past ~10^5.
      if (isAnnotation(h.label)) parseTals(bytes.subarray(o, o + n * bytesPer), file, o, annotations);
      else {
        const d = digital[i] as Int32Array;
        for (let k = 0; k < n; k++) {
          const p = o + k * bytesPer;
          d[rec * n + k] = bdf ? (((bytes[p + 2] as number) << 24) | ((bytes[p + 1] as number) << 16) | ((bytes[p] as number) << 8)) >> 8 : r.view.getInt16(p, true);
        }
      }
      o += n * bytesPer;
    });
  }
  const signals = heads.flatMap((h, i) => {
    if (isAnnotation(h.label)) return [];
    const d = digital[i] as Int32Array;
    const scale = (h.physicalMax - h.physicalMin) / (h.digitalMax - h.digitalMin);
    const values = new Float32Array(d.length);
    for (let k = 0; k < d.length; k++) values[k] = ((d[k] as number) - h.digitalMin) * scale + h.physicalMin;
    return [{ ...h, samplingHz: h.samplesPerRecord / duration, digital: d, values }];
  });
  const plus = reserved.startsWith('EDF+C') || reserved.startsWith('BDF+C');
  return {
    format: bdf ? 'bdf' : 'edf',
    variant: bdf ? (plus ? 'BDF+C' : 'BDF') : plus ? 'EDF+C' : 'EDF',
    file,
    patient: field(r, 8, 80, 'patient'),
    recording: field(r, 88, 80, 'recording'),
    start: `${field(r, 168, 8, 'start date')} ${field(r, 176, 8, 'start time')}`,
    records,
    recordDurationS: duration,
    signals,
    annotations,
    warnings,
  };
}

/** `+onset[\x15duration]` at the start of a TAL. */
const TAL_ONSET = /^([+-]\d+(?:\.\d+)?)(?:\x15(\d+(?:\.\d+)?))?$/;

/**
 * Decodes the TALs of one record's annotation bytes: `+onset[\x15duration]\x14text\x14…\x14\x00`.
 * The first TAL of each record keeps time (empty text) and is not an annotation. Annotations are
 * appended to `into` (a new array by default), which is returned.
 */
export function parseTals(bytes: Uint8Array, file: string, baseOffset: number, into: EdfAnnotation[] = []): EdfAnnotation[] {
  // One decode per record, not per TAL: a record may hold hundreds of thousands of TALs. A NUL is
  // never part of a UTF-8 sequence, so splitting the text splits the bytes at the same places.
  const text = new TextDecoder('utf-8').decode(bytes);
  let at = 0;
  for (const tal of text.split('\x00')) {
    if (tal !== '') {
      const [time = '', ...texts] = tal.split('\x14');
      const m = TAL_ONSET.exec(time);
      if (!m) throw new DataFormatError(file, 'annotation onset', baseOffset + utf8Length(text.slice(0, at)), `'${quoteInput(time)}' is not a TAL onset (+seconds)`);
      const onsetS = Number(m[1]);
      const durationS = m[2] === undefined ? undefined : Number(m[2]);
      for (const t of texts) if (t !== '') into.push({ onsetS, durationS, text: t });
    }
    at += tal.length + 1;
  }
  return into;
}

/** Bytes of a string in UTF-8 (the error's offset; TextEncoder is not in the core's library). */
function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
