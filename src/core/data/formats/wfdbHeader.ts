import { quoteInput } from '../../format/inputText.ts';
import { DataFormatError } from '../../errors.ts';
import { checkSamplingHz } from './samplingRate.ts';

/** One signal line of a WFDB header. */
export interface WfdbSignalSpec {
  readonly file: string;
  readonly format: number;
  /** ADC units per physical unit (default 200). */
  readonly gain: number;
  readonly baseline: number;
  readonly units: string;
  readonly adcResolution: number;
  readonly adcZero: number;
  readonly initialValue: number | undefined;
  readonly checksum: number | undefined;
  /** Byte offset of the checksum field in the .hea: a mismatch warning points there. */
  readonly checksumOffset: number | undefined;
  readonly description: string;
}

/** A parsed `.hea` file (single-segment records). */
export interface WfdbHeader {
  readonly record: string;
  readonly samplingHz: number;
  /** Samples per signal, if the header says. */
  readonly samples: number | undefined;
  readonly signals: readonly WfdbSignalSpec[];
  readonly comments: readonly string[];
}

/** Byte offset of each whitespace-separated field of a line that starts at `offset`. */
function fieldOffsets(line: string, offset: number): number[] {
  return [...line.matchAll(/\S+/g)].map((m) => offset + m.index);
}

const num = (s: string | undefined, fallback: number): number => {
  if (s === undefined || s === '') return fallback;
  const v = Number(s);
  return Number.isFinite(v) ? v : NaN;
};

/**
 * Parses a WFDB header (PhysioNet "header(5)" format): the record line
 * `name nsig fs nsamp …` and one line per signal `file format gain(baseline)/units adcres adczero
 * initval checksum blocksize description`. Multi-segment records are refused with a clear message.
 */
export function parseWfdbHeader(text: string, file: string): WfdbHeader {
  // Split on LF only: a CR stays in its line (trim drops it), so offsets count every byte.
  const lines = text.split('\n');
  const comments: string[] = [];
  const content: { line: string; offset: number }[] = [];
  let offset = 0;
  for (const line of lines) {
    const t = line.trim();
    if (t.startsWith('#')) comments.push(t.slice(1).trim());
    // The offset of the trimmed line's first byte, so field offsets count from there.
    else if (t !== '') content.push({ line: t, offset: offset + line.length - line.trimStart().length });
    offset += line.length + 1;
  }
  const head = content[0];
  if (!head) throw new DataFormatError(file, 'record line', 0, 'the header has no record line');
  const [nameField = '', nsigField, fsField, nsampField] = head.line.split(/\s+/);
  if (nameField.includes('/')) throw new DataFormatError(file, 'record name', head.offset, `multi-segment records (${quoteInput(nameField)}) are not supported yet`);
  const nsig = num(nsigField, NaN);
  if (!Number.isInteger(nsig) || nsig < 0 || nsig > 4096) throw new DataFormatError(file, 'number of signals', head.offset, `'${quoteInput(nsigField ?? '')}' is not a signal count`);
  // WFDB allows annotation-only records, but a record without a signal has nothing to feed a network.
  if (nsig === 0) throw new DataFormatError(file, 'number of signals', head.offset, 'the record has no signals (annotation-only records are not read): drop a record with at least one signal');
  const fs = num(fsField?.split('/')[0]?.split('(')[0], 250);
  const fsOffset = fieldOffsets(head.line, head.offset)[2] ?? head.offset;
  if (Number.isNaN(fs)) throw new DataFormatError(file, 'sampling frequency', fsOffset, `'${quoteInput(fsField ?? '')}' is not a sampling frequency`);
  checkSamplingHz(fs, file, 'sampling frequency', fsOffset);
  const samples = nsampField === undefined ? undefined : num(nsampField, NaN);
  if (samples !== undefined && (!Number.isInteger(samples) || samples < 0)) throw new DataFormatError(file, 'number of samples', head.offset, `'${quoteInput(nsampField ?? '')}' is not a sample count`);
  if (content.length < 1 + nsig) throw new DataFormatError(file, 'signal lines', text.length, `the record line announces ${nsig} signals but only ${content.length - 1} signal lines follow`);
  const signals = content.slice(1, 1 + nsig).map(({ line, offset: o }, i) => parseSignalLine(line, file, o, i));
  return { record: nameField, samplingHz: fs, samples, signals, comments };
}

function parseSignalLine(line: string, file: string, offset: number, index: number): WfdbSignalSpec {
  const f = line.split(/\s+/);
  const [fileName = '', formatField = '', gainField, resField, zeroField, initField, sumField, , ...desc] = f;
  const format = Number(formatField.match(/^\d+/)?.[0] ?? NaN);
  if (!Number.isInteger(format)) throw new DataFormatError(file, `signal ${index} format`, offset, `'${quoteInput(formatField)}' is not a WFDB format`);
  // gain[(baseline)][/units]
  const g = gainField?.match(/^([-+0-9.eE]+)(?:\((-?\d+)\))?(?:\/(.+))?$/);
  if (gainField !== undefined && !g) throw new DataFormatError(file, `signal ${index} gain`, offset, `'${quoteInput(gainField)}' is not gain(baseline)/units`);
  const gainRaw = num(g?.[1], 200);
  const adcZero = num(zeroField, 0);
  const out = {
    file: fileName,
    format,
    gain: gainRaw === 0 ? 200 : gainRaw,
    baseline: g?.[2] !== undefined ? Number(g[2]) : adcZero,
    units: g?.[3] ?? 'mV',
    adcResolution: num(resField, 12),
    adcZero,
    initialValue: initField === undefined ? undefined : num(initField, NaN),
    checksum: sumField === undefined ? undefined : num(sumField, NaN),
    checksumOffset: sumField === undefined ? undefined : fieldOffsets(line, offset)[6],
    description: desc.join(' '),
  };
  if (!Number.isFinite(out.gain) || !Number.isFinite(out.adcZero)) throw new DataFormatError(file, `signal ${index}`, offset, 'gain and ADC zero must be numbers');
  if (out.checksum !== undefined && !Number.isInteger(out.checksum)) throw new DataFormatError(file, `signal ${index} checksum`, out.checksumOffset ?? offset, `'${sumField ?? ''}' is not a whole number`);
  return out;
}
