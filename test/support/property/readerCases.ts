import { parseAedat2, parseAedat3 } from '../../../src/core/data/formats/aedatReader.ts';
import { parseCsv } from '../../../src/core/data/formats/csvReader.ts';
import { parseEdf } from '../../../src/core/data/formats/edfReader.ts';
import { parseIdx } from '../../../src/core/data/formats/idxReader.ts';
import type { DataRecord, NamedBytes } from '../../../src/core/data/formats/loadFiles.ts';
import { parseNmnist } from '../../../src/core/data/formats/nmnistReader.ts';
import { parseWav } from '../../../src/core/data/formats/wavReader.ts';
import { readWfdbRecord } from '../../../src/core/data/formats/wfdbRecord.ts';
import type { HeaderField } from './byteMutations.ts';
import { AEDAT3_HEADER, craftAedat2, craftAedat3, craftBdf, craftCsv, craftEdfPlus, craftIdx, craftIdxGz, craftNmnist, craftWav, craftWfdb } from '../craft/readerSeeds.ts';

/**
 * Every file reader of src/core/data/formats as the property tests drive it: the files it takes
 * (WFDB takes three), how to call it, its crafted seed, its real seeds in ../shared/data, the
 * header fields worth rewriting and the first bytes of a random file that it would be given.
 */
export interface ReaderCase {
  readonly reader: string;
  /** File names of the crafted seed, one per input (a real seed keeps its files' own names). */
  readonly names: readonly string[];
  /** Calls the reader; errors must name one of the inputs. */
  readonly read: (files: readonly NamedBytes[]) => DataRecord;
  readonly crafted: () => Uint8Array[];
  /** Real seeds: each a list of paths under ../shared/data, one per input. */
  readonly real: readonly (readonly string[])[];
  /** Header fields of each input, by input index. */
  readonly fields: readonly (readonly HeaderField[])[];
  /** Prefixes of random whole files (magic numbers), so that random bytes get past the first check. */
  readonly magic: readonly Uint8Array[];
}

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
const file = (files: readonly NamedBytes[], i: number): NamedBytes => files[i] ?? { name: `missing input ${i}`, bytes: new Uint8Array(0) };
/** The one input of a single-file reader as (bytes, name). */
const single = (parse: (bytes: Uint8Array, name: string) => DataRecord) => (files: readonly NamedBytes[]) => parse(file(files, 0).bytes, file(files, 0).name);

/** Where the number of signals of an EDF sits, and the offset of signal 0's field `k` bytes per signal in. */
const edfSignalField = (perSignalOffset: number) => (seed: Uint8Array) => {
  const ns = Number(String.fromCharCode(...seed.subarray(252, 256)).trim());
  return Number.isInteger(ns) && ns > 0 ? 256 + perSignalOffset * ns : -1;
};

const EDF_FIELDS: readonly HeaderField[] = [
  { name: 'header bytes', at: 184, encoding: 'ascii', width: 8 },
  { name: 'number of records', at: 236, encoding: 'ascii', width: 8 },
  { name: 'record duration', at: 244, encoding: 'ascii', width: 8 },
  { name: 'number of signals', at: 252, encoding: 'ascii', width: 4 },
  { name: 'signal 0 physical minimum', at: edfSignalField(104), encoding: 'ascii', width: 8 },
  { name: 'signal 0 physical maximum', at: edfSignalField(112), encoding: 'ascii', width: 8 },
  { name: 'signal 0 digital minimum', at: edfSignalField(120), encoding: 'ascii', width: 8 },
  { name: 'signal 0 digital maximum', at: edfSignalField(128), encoding: 'ascii', width: 8 },
  { name: 'signal 0 samples per record', at: edfSignalField(216), encoding: 'ascii', width: 8 },
];

const WAV_FIELDS: readonly HeaderField[] = [
  { name: 'RIFF size', at: 4, encoding: 'u32le' },
  { name: 'fmt size', at: 16, encoding: 'u32le' },
  { name: 'format tag', at: 20, encoding: 'u16le' },
  { name: 'channels', at: 22, encoding: 'u16le' },
  { name: 'sample rate', at: 24, encoding: 'u32le' },
  { name: 'bits per sample', at: 34, encoding: 'u16le' },
  { name: 'data size', at: 40, encoding: 'u32le' },
];

const IDX_FIELDS: readonly HeaderField[] = [
  { name: 'data type', at: 2, encoding: 'u8' },
  { name: 'number of dimensions', at: 3, encoding: 'u8' },
  ...[0, 1, 2, 3].map((i): HeaderField => ({ name: `dimension ${i}`, at: 4 + 4 * i, encoding: 'u32be' })),
];

/** The offset of the first AEDAT 3.1 packet: after the '#!END-HEADER' line. */
const afterAedat3Header = (delta: number) => (seed: Uint8Array) => {
  const text = String.fromCharCode(...seed.subarray(0, Math.min(seed.length, 4096)));
  const end = text.indexOf('#!END-HEADER');
  const eol = end < 0 ? -1 : text.indexOf('\n', end);
  return eol < 0 ? -1 : eol + 1 + delta;
};

const AEDAT3_FIELDS: readonly HeaderField[] = [
  { name: 'packet event type', at: afterAedat3Header(0), encoding: 'i16le' },
  { name: 'packet event size', at: afterAedat3Header(4), encoding: 'i32le' },
  { name: 'packet timestamp offset', at: afterAedat3Header(8), encoding: 'i32le' },
  { name: 'packet timestamp overflow', at: afterAedat3Header(12), encoding: 'i32le' },
  { name: 'packet event number', at: afterAedat3Header(20), encoding: 'i32le' },
];

const gzipFooter: HeaderField = { name: 'gzip size footer', at: (seed) => seed.length - 4, encoding: 'u32le' };

/** One case per reader (IDX raw and gzipped are two, they take different paths). */
export const READER_CASES: readonly ReaderCase[] = [
  {
    reader: 'WFDB record',
    names: ['rec.hea', 'rec.dat', 'rec.atr'],
    read: (f) => readWfdbRecord({ header: file(f, 0), data: new Map([[file(f, 1).name, file(f, 1).bytes]]), annotations: file(f, 2) }),
    crafted: () => {
      const w = craftWfdb();
      return [w.hea, w.dat, w.atr];
    },
    real: [['mitdb/100.hea', 'mitdb/100.dat', 'mitdb/100.atr']],
    fields: [[], [], []],
    magic: [latin1('rec 2 360 '), latin1('rec 1 1e-300 5\nrec.dat 16 ')],
  },
  {
    reader: 'EDF/BDF',
    names: ['rec.edf'],
    read: single(parseEdf),
    crafted: () => [craftEdfPlus()],
    real: [['eeg/wfdb-python/test_edfann.edf'], ['eeg/mne-python/test_uneven_samp.edf'], ['eeg/mne-python/test_bdf_stim_channel.bdf']],
    fields: [EDF_FIELDS],
    magic: [latin1('0       '), Uint8Array.of(0xff, ...latin1('BIOSEMI'))],
  },
  {
    reader: 'BDF (crafted)',
    names: ['rec.bdf'],
    read: single(parseEdf),
    crafted: () => [craftBdf()],
    real: [],
    fields: [EDF_FIELDS],
    magic: [Uint8Array.of(0xff, ...latin1('BIOSEMI'))],
  },
  {
    reader: 'WAV',
    names: ['rec.wav'],
    read: single(parseWav),
    crafted: () => [craftWav()],
    real: [['audio/fsdd/recordings/0_jackson_0.wav']],
    fields: [WAV_FIELDS],
    magic: [latin1('RIFF\x24\x00\x00\x00WAVEfmt ')],
  },
  {
    reader: 'CSV/TSV',
    names: ['rec.csv'],
    read: single(parseCsv),
    crafted: () => [craftCsv()],
    real: [['dvs/dvsgesture/user01_natural_labels.csv']],
    fields: [[]],
    magic: [latin1('a,b\n'), latin1('1\t2\n')],
  },
  {
    reader: 'IDX',
    names: ['rec-idx3-ubyte'],
    read: single(parseIdx),
    crafted: () => [craftIdx()],
    real: [],
    fields: [IDX_FIELDS],
    magic: [Uint8Array.of(0, 0, 8, 1), Uint8Array.of(0, 0, 8, 3)],
  },
  {
    reader: 'IDX gzip',
    names: ['rec-idx1-ubyte.gz'],
    read: single(parseIdx),
    crafted: () => [craftIdxGz()],
    real: [['mnist/t10k-labels-idx1-ubyte.gz']],
    fields: [[gzipFooter]],
    magic: [Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3)],
  },
  {
    reader: 'N-MNIST',
    names: ['rec.bs2'],
    read: single(parseNmnist),
    crafted: () => [craftNmnist()],
    real: [['dvs/nmnist/slayerPytorch-NMNISTsmall/1.bs2'], ['dvs/nmnist/tonic/sample_nmnist.bin']],
    fields: [[]],
    magic: [new Uint8Array(0)],
  },
  {
    reader: 'AEDAT 2.0',
    names: ['rec.aedat'],
    read: single(parseAedat2),
    crafted: () => [craftAedat2()],
    real: [['dvs/aedat2/tonic/sample_aedat_header.aedat']],
    fields: [[]],
    magic: [latin1('#!AER-DAT2.0\r\n')],
  },
  {
    reader: 'AEDAT 3.1',
    names: ['rec.aedat'],
    read: single(parseAedat3),
    crafted: () => [craftAedat3()],
    real: [],
    fields: [AEDAT3_FIELDS],
    magic: [latin1(AEDAT3_HEADER), latin1('#!AER-DAT3.1\r\n#!END-HEADER\r\n\x01\x00\x01\x00\x08\x00\x00\x00\x04\x00\x00\x00')],
  },
];
