import { gzipSync } from 'fflate';
import { craftEdf, edfWithAnnotations, type EdfSignalSpec } from '../support/craft/edfCraft.ts';
import { gzipBomb, idxHeader } from '../support/craft/gzipCraft.ts';
import { bytesOf, concat, concatList, type ProbeCase, type ProbeCategory } from './probeCase.ts';

/**
 * Crafted files of every format `spikelab inspect` reads, each built to break one assumption of
 * its reader: absurd counts and sizes in headers, lies between header and body, bombs, garbage.
 */

const inspect = (file: string) => (at: (n: string) => string) => ['inspect', at(file)];
const refuse = (category: string, name: string, file: string, bytes: Uint8Array | string): ProbeCase => ({ category, name, files: { [file]: bytes }, args: inspect(file), expect: 'refuse' });

const sig = (label: string, samplesPerRecord: number, more: Partial<EdfSignalSpec> = {}): EdfSignalSpec => ({ label, samplesPerRecord, ...more });

function edfCases(): ProbeCase[] {
  const one = [sig('EEG', 4)];
  const data = new Uint8Array(8);
  const c = (name: string, b: Uint8Array, expect: 'refuse' | 'either' = 'refuse') => ({ ...refuse('edf', name, 'x.edf', b), expect });
  return [
    c('a valid 1-record EDF', craftEdf({ signals: one, records: 1, data }), 'either'),
    c('500,000 annotations in one record', edfWithAnnotations(500_000), 'either'),
    c('version field not 0', concat(bytesOf('9'), craftEdf({ signals: one, records: 1, data }).subarray(1))),
    c('0 signals', craftEdf({ signals: [], records: 1, data })),
    c('99999 signals announced, header of 1', craftEdf({ signals: one, records: 1, headerBytes: 256 * 100_000, data })),
    c('header bytes lie', craftEdf({ signals: one, records: 1, headerBytes: 1024, data })),
    c('10^9 records announced', craftEdf({ signals: one, records: 1e9, data })),
    c('-5 records', craftEdf({ signals: one, records: -5, data })),
    c('records = -1 (unknown) with a torn last record', craftEdf({ signals: one, records: -1, data: new Uint8Array(13) }), 'either'),
    c('10^9 samples per record', craftEdf({ signals: [sig('EEG', 1e9)], records: 1, data })),
    c('99999999 samples per record in 4 signals', craftEdf({ signals: [1, 2, 3, 4].map((i) => sig(`S${i}`, 99_999_999)), records: 1, data })),
    c('negative samples per record', craftEdf({ signals: [sig('EEG', -4)], records: 1, data })),
    c('fractional samples per record', craftEdf({ signals: [sig('EEG', 2.5)], records: 1, data })),
    c('digital min = max', craftEdf({ signals: [sig('EEG', 4, { digitalMin: 5, digitalMax: 5 })], records: 1, data })),
    c('physical range NaN', craftEdf({ signals: [sig('EEG', 4, { physicalMin: Number.NaN })], records: 1, data })),
    c('record duration 0', craftEdf({ signals: one, records: 1, durationS: 0, data })),
    c('record duration 1e308', craftEdf({ signals: one, records: 1, durationS: 1e308, data })),
    c('discontinuous EDF+D', craftEdf({ signals: one, records: 1, reserved: 'EDF+D', data })),
    c('annotation TAL without onset', craftEdf({ signals: [sig('EDF Annotations', 8)], records: 1, reserved: 'EDF+C', data: bytesOf('junk\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00') })),
    c('annotation of 1 MB without a terminator', craftEdf({ signals: [sig('EDF Annotations', 2 ** 19)], records: 1, reserved: 'EDF+C', data: bytesOf('+0\x14' + 'A'.repeat(2 ** 20 - 3)) }), 'either'),
    c('BDF: 24-bit, 10^8 records announced', craftEdf({ signals: one, records: 1e8, bdf: true, data: new Uint8Array(12) })),
    c('BDF: valid', craftEdf({ signals: one, records: 1, bdf: true, data: new Uint8Array(12) }), 'either'),
    c('BDF: cut inside the first record', craftEdf({ signals: one, records: 1, bdf: true, data: new Uint8Array(5) })),
  ];
}

function wfdbCases(): ProbeCase[] {
  const w = (name: string, hea: string, dat: Uint8Array | undefined, atr?: Uint8Array, expect: 'refuse' | 'either' = 'refuse'): ProbeCase => ({
    category: 'wfdb',
    name,
    files: { 'r.hea': hea, ...(dat ? { 'r.dat': dat } : {}), ...(atr ? { 'r.atr': atr } : {}) },
    args: (at) => ['inspect', at('r.hea')],
    expect,
  });
  const dat = new Uint8Array(300);
  const ok = 'r 2 360 100\nr.dat 212 200 11 1024 0 0 0 MLII\nr.dat 212 200 11 1024 0 0 0 V5\n';
  return [
    w('a valid 2-signal format-212 record', ok, dat, undefined, 'either'),
    w('10^12 samples announced', 'r 2 360 1000000000000\nr.dat 212 200 11 1024 0 0 0 MLII\nr.dat 212 200 11 1024 0 0 0 V5\n', dat),
    w('2^31 samples announced', 'r 1 360 2147483648\nr.dat 16 200 16 0 0 0 0 MLII\n', dat),
    w('100000 signals announced', 'r 100000 360 10\n' + 'r.dat 16\n'.repeat(3), dat),
    w('0 signals (legal: an annotation-only record)', 'r 0 360 10\n', dat, undefined, 'either'),
    w('format 999', 'r 1 360 10\nr.dat 999 200 16 0 0 0 0 MLII\n', dat),
    w('sampling frequency NaN', 'r 1 abc 10\nr.dat 16 200 16 0 0 0 0 MLII\n', dat),
    w('sampling frequency 0', 'r 1 0 10\nr.dat 16 200 16 0 0 0 0 MLII\n', dat),
    w('gain 0', 'r 1 360 10\nr.dat 16 0 16 0 0 0 0 MLII\n', dat, undefined, 'either'),
    w('data file missing', ok, undefined),
    w('data file shorter than announced', ok, new Uint8Array(7)),
    w('data file of another record name', 'r 1 360 10\n../../../../etc/passwd 16 200 16 0 0 0 0 MLII\n', dat),
    w('header of 2 MB of one line', 'r 1 360 10 ' + 'x'.repeat(2 ** 21) + '\n', dat),
    w('empty header', '', dat),
    w('binary garbage header', String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 37) % 256)), dat),
    w('annotations of random bytes', ok, dat, Uint8Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256), 'either'),
    w('annotations with a SKIP to 2^31 samples', ok, dat, new Uint8Array([0x00, 0xec, 0xff, 0x7f, 0xff, 0xff, 0x04, 0x04, 0x00, 0x00]), 'either'),
    w('annotations cut inside a SKIP', ok, dat, new Uint8Array([0x00, 0xec, 0xff]), 'either'),
    // 15,728,640 N annotations one sample apart (30 MB): took 2.5 GB before the annotations budget.
    w('annotations: 30 MB of N', ok, dat, new Uint8Array(new Uint16Array(15 * 2 ** 20).fill((1 << 10) | 1).buffer)),
    w('annotations: AUX of 1000 bytes announced, 4 present', ok, dat, new Uint8Array([0xe8, 0xfb, 0x41, 0x41, 0x41, 0x41]), 'either'),
    { ...w('a .dat without its .hea', ok, dat), args: (at) => ['inspect', at('r.dat')] },
  ];
}

function riff(chunks: readonly [string, Uint8Array][], riffSize?: number): Uint8Array {
  const parts = chunks.map(([id, b]) => {
    const h = new Uint8Array(8);
    h.set(bytesOf(id));
    new DataView(h.buffer).setUint32(4, b.length, true);
    return concat(h, b);
  });
  const body = concatList([bytesOf('WAVE'), ...parts]);
  const h = new Uint8Array(8);
  h.set(bytesOf('RIFF'));
  new DataView(h.buffer).setUint32(4, riffSize ?? body.length, true);
  return concat(h, body);
}
function fmt(tag: number, channels: number, rate: number, bits: number): Uint8Array {
  const b = new Uint8Array(16);
  const v = new DataView(b.buffer);
  v.setUint16(0, tag, true);
  v.setUint16(2, channels, true);
  v.setUint32(4, rate, true);
  v.setUint32(8, rate * channels * (bits / 8), true);
  v.setUint16(12, channels * (bits / 8), true);
  v.setUint16(14, bits, true);
  return b;
}
function lyingChunk(id: string, size: number, present: number): Uint8Array {
  const h = new Uint8Array(8 + present);
  h.set(bytesOf(id));
  new DataView(h.buffer).setUint32(4, size, true);
  return h;
}

function wavCases(): ProbeCase[] {
  const pcm = new Uint8Array(64);
  const c = (name: string, b: Uint8Array, expect: 'refuse' | 'either' = 'refuse') => ({ ...refuse('wav', name, 'x.wav', b), expect });
  return [
    c('a valid 8 kHz 16-bit mono WAV', riff([['fmt ', fmt(1, 1, 8000, 16)], ['data', pcm]]), 'either'),
    c('0 channels', riff([['fmt ', fmt(1, 0, 8000, 16)], ['data', pcm]])),
    c('65535 channels', riff([['fmt ', fmt(1, 65535, 8000, 16)], ['data', pcm]])),
    c('sample rate 0', riff([['fmt ', fmt(1, 1, 0, 16)], ['data', pcm]])),
    c('7-bit samples', riff([['fmt ', fmt(1, 1, 8000, 7)], ['data', pcm]])),
    c('encoding 0x55 (MP3)', riff([['fmt ', fmt(0x55, 1, 8000, 16)], ['data', pcm]])),
    c('data chunk says 4 GB, holds 64 bytes', concat(riff([['fmt ', fmt(1, 1, 8000, 16)]]), lyingChunk('data', 0xffffffff, 64)), 'either'),
    c('a junk chunk of 4 GB before fmt', concat(riff([]), lyingChunk('junk', 0xfffffff0, 16), riff([['fmt ', fmt(1, 1, 8000, 16)], ['data', pcm]]).subarray(12))),
    c('10^5 empty chunks and no data', riff(Array.from({ length: 100_000 }, () => ['junk', new Uint8Array(0)] as [string, Uint8Array]).concat([['fmt ', fmt(1, 1, 8000, 16)]]))),
    c('data before fmt', riff([['data', pcm], ['fmt ', fmt(1, 1, 8000, 16)]])),
    c('fmt chunk of 2 bytes', riff([['fmt ', new Uint8Array(2)], ['data', pcm]])),
    c('RIFF header only', bytesOf('RIFF\x04\x00\x00\x00WAVE')),
    c('odd byte count of 16-bit data', riff([['fmt ', fmt(1, 1, 8000, 16)], ['data', new Uint8Array(63)]]), 'either'),
  ];
}

function csvCases(): ProbeCase[] {
  const c = (name: string, text: string, expect: 'refuse' | 'either' = 'refuse', file = 'x.csv') => ({ ...refuse('csv', name, file, text), expect });
  return [
    c('a valid CSV', 'a,b\n1,2\n3,4\n', 'either'),
    c('a cell that is not a number', 'a,b\n1,x\n'),
    c('ragged rows', 'a,b\n1,2\n3\n'),
    c('empty file', ''),
    c('header only', 'a,b\n', 'either'),
    c('200,000 columns', Array.from({ length: 200_000 }, (_, i) => `c${i}`).join(',') + '\n' + '1,'.repeat(199_999) + '1\n'),
    c('one line of 8 MB without a newline', '1,'.repeat(4 * 2 ** 20)),
    c('1,000,000 rows of one column', 'v\n' + '1\n'.repeat(1_000_000), 'either'),
    c('numbers like 1e999 and NaN', 'a\n1e999\nNaN\n'),
    c('NUL bytes and invalid UTF-8', 'a,b\n1,\x00\xff\xfe\n'),
    c('a TSV mixing tabs and commas', '1\t2,3\n4\t5,6\n', 'either', 'x.tsv'),
  ];
}

function idxCases(): ProbeCase[] {
  const c = (name: string, b: Uint8Array, file = 'x-idx3-ubyte', expect: 'refuse' | 'either' = 'refuse') => ({ ...refuse('idx', name, file, b), expect });
  const small = concat(idxHeader([2, 2, 2]), new Uint8Array(8));
  return [
    c('a valid 2 × 2 × 2 IDX', small, 'x-idx3-ubyte', 'either'),
    c('dimensions 2^32-1 × 2^32-1 × 2^32-1', concat(idxHeader([0xffffffff, 0xffffffff, 0xffffffff]), new Uint8Array(8))),
    c('0 dimensions', new Uint8Array([0, 0, 8, 0])),
    c('250 dimensions', new Uint8Array([0, 0, 8, 250, 0, 0, 0, 1])),
    c('float32 type 0x0D', new Uint8Array([0, 0, 0x0d, 1, 0, 0, 0, 1, 0, 0, 0, 0])),
    c('data longer than announced', concat(small, new Uint8Array(5))),
    c('gzip: valid', gzipSync(small), 'x-idx3-ubyte.gz', 'either'),
    c('gzip bomb: 4 GiB + 1 MiB of zeros, footer wrapped to 1 MiB', gzipBomb(idxHeader([10_000, 28, 28]), 4097), 'x-idx3-ubyte.gz'),
    c('gzip bomb: header announces 784 MB', gzipBomb(idxHeader([1_000_000, 28, 28]), 1024), 'x-idx3-ubyte.gz'),
    c('gzip bomb: header announces 47 MB (as MNIST train), stream 1 GiB', gzipBomb(idxHeader([60_000, 28, 28]), 1024), 'x-idx3-ubyte.gz'),
    c('gzip bomb of zeros (no IDX header)', gzipBomb(new Uint8Array(0), 4097), 'x-idx3-ubyte.gz'),
    c('gzip footer says 4 GB', (() => { const g = gzipSync(small); new DataView(g.buffer).setUint32(g.length - 4, 0xffffffff, true); return g; })(), 'x-idx3-ubyte.gz'),
    c('gzip footer lies small', gzipBomb(idxHeader([4, 1024, 1024]), 4, 100), 'x-idx3-ubyte.gz'),
    c('gzip cut in the middle', gzipSync(concat(idxHeader([100, 100]), new Uint8Array(10_000).map((_, i) => i * 7))).subarray(0, 40), 'x-idx3-ubyte.gz'),
    c('gzip magic then garbage', new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4]), 'x-idx3-ubyte.gz'),
  ];
}

function nmnistCases(): ProbeCase[] {
  const ev = (x: number, y: number, p: number, t: number) => new Uint8Array([x, y, (p << 7) | ((t >> 16) & 0x7f), (t >> 8) & 0xff, t & 0xff]);
  const c = (name: string, b: Uint8Array, expect: 'refuse' | 'either' = 'refuse') => ({ ...refuse('nmnist', name, 'x.bin', b), expect });
  return [
    c('two valid events', concat(ev(1, 1, 1, 10), ev(2, 2, 0, 20)), 'either'),
    c('empty file', new Uint8Array(0), 'either'),
    c('7 bytes (not whole events)', new Uint8Array(7)),
    c('time going backwards', concat(ev(1, 1, 1, 100), ev(2, 2, 0, 5))),
    c('pixels at 255 × 255 (off the 34 × 34 sensor)', concat(ev(255, 255, 1, 10))),
    c('2,000,000 events at one time', new Uint8Array(5 * 2_000_000), 'either'),
  ];
}

function aedatCases(): ProbeCase[] {
  const c = (name: string, b: Uint8Array, file: string, expect: 'refuse' | 'either' = 'refuse') => ({ ...refuse('aedat', name, file, b), expect });
  const packet = (size: number, number: number, tsOffset = 4, present = size * number) => {
    const h = new Uint8Array(28 + Math.max(0, present));
    const v = new DataView(h.buffer);
    v.setUint16(0, 1, true);
    v.setUint32(4, size, true);
    v.setUint32(8, tsOffset, true);
    v.setUint32(20, number, true);
    v.setUint32(24, number, true);
    return h;
  };
  const h3 = bytesOf('#!AER-DAT3.1\r\n#Source 1: DVS128\r\n#!END-HEADER\r\n');
  return [
    c('AEDAT 2.0: header only', bytesOf('#!AER-DAT2.0\r\n# x\r\n'), 'x.aedat', 'either'),
    c('AEDAT 2.0: events cut to 5 bytes', concat(bytesOf('#!AER-DAT2.0\r\n'), new Uint8Array(5)), 'x.aedat'),
    c('AEDAT 2.0: 1 MB header line without newline', bytesOf('#!AER-DAT2.0' + '#'.repeat(2 ** 20)), 'x.aedat', 'either'),
    c('AEDAT 2.0: 100,000 header lines', bytesOf('#!AER-DAT2.0\r\n' + '# comment\r\n'.repeat(100_000)), 'x.aedat', 'either'),
    c('AEDAT 3.1: no END-HEADER', bytesOf('#!AER-DAT3.1\r\n#Source 1\r\n'), 'x.aedat'),
    c('AEDAT 3.1: packet of 2^31 events × 8 bytes, 0 present', concat(h3, packet(8, 2 ** 31 - 1, 4, 0)), 'x.aedat'),
    c('AEDAT 3.1: event size 0', concat(h3, packet(0, 10, 4, 0)), 'x.aedat'),
    c('AEDAT 3.1: event size 2^30', concat(h3, packet(2 ** 30, 1, 4, 16)), 'x.aedat'),
    c('AEDAT 3.1: timestamp offset past the event', concat(h3, packet(8, 2, 100)), 'x.aedat'),
    c('AEDAT 3.1: packet header cut short', concat(h3, new Uint8Array(13)), 'x.aedat'),
    c('AEDAT 3.1: 100,000 empty packets', concatList([h3, ...Array.from({ length: 100_000 }, () => packet(8, 0))]), 'x.aedat', 'either'),
    c('AEDAT 4 is refused by name', bytesOf('#!AER-DAT4.0\r\n'), 'x.aedat4'),
    c('unknown extension', bytesOf('hello'), 'x.xyz'),
  ];
}

/** The crafted-file categories. */
export const FORMAT_CATEGORIES: readonly ProbeCategory[] = [
  { name: 'edf', generate: edfCases },
  { name: 'wfdb', generate: wfdbCases },
  { name: 'wav', generate: wavCases },
  { name: 'csv', generate: csvCases },
  { name: 'idx', generate: idxCases },
  { name: 'nmnist', generate: nmnistCases },
  { name: 'aedat', generate: aedatCases },
];
