import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { dataFile, HAVE_DATA } from '../../../../test/support/sharedData.ts';
import { DataFormatError } from '../../errors.ts';
import { parseAedat2, parseAedat3 } from './aedatReader.ts';
import { parseCsv } from './csvReader.ts';
import { detectFormat } from './detectFormat.ts';
import { countOn } from './eventsRecord.ts';
import { parseIdx } from './idxReader.ts';
import { loadFiles } from './loadFiles.ts';
import { parseNmnist } from './nmnistReader.ts';
import { summarize } from './summarize.ts';
import { parseWav } from './wavReader.ts';

const first = (e: ReturnType<typeof parseNmnist>, i: number) => [e.x[i], e.y[i], e.p[i], e.t[i]];

describe.skipIf(!HAVE_DATA)('event, audio and image files from ../shared/data', () => {
  it('reads N-MNIST 1.bs2: 4681 events (2328 ON), first (18, 16, ON, 893 µs), last (10, 10, OFF, 305924 µs)', () => {
    const e = parseNmnist(dataFile('dvs/nmnist/slayerPytorch-NMNISTsmall/1.bs2'), '1.bs2');
    expect(e.t.length).toBe(4681);
    expect(countOn(e)).toBe(2328);
    expect(first(e, 0)).toEqual([18, 16, 1, 893]);
    expect(first(e, 4680)).toEqual([10, 10, 0, 305924]);
    expect([e.width, e.height]).toEqual([34, 34]);
  });
  it('reads tonic sample_nmnist.bin: 4325 events (2145 ON), last (21, 14, ON, 311175 µs)', () => {
    const e = parseNmnist(dataFile('dvs/nmnist/tonic/sample_nmnist.bin'), 's.bin');
    expect([e.t.length, countOn(e)]).toEqual([4325, 2145]);
    expect(first(e, 4324)).toEqual([21, 14, 1, 311175]);
  });
  it('reads FSDD WAV files: mono 8 kHz 16-bit, sample counts as documented', () => {
    const a = parseWav(dataFile('audio/fsdd/recordings/0_jackson_0.wav'), '0_jackson_0.wav');
    expect(a).toMatchObject({ bitsPerSample: 16, encoding: 'pcm', signal: { samplingHz: 8000, channels: ['mono'], length: 5148 } });
    expect(parseWav(dataFile('audio/fsdd/recordings/9_yweweler_49.wav'), 'x.wav').signal.length).toBe(3050);
    expect(Math.max(...a.signal.values.map(Math.abs))).toBeLessThanOrEqual(1);
  });
  it('reads gzipped MNIST IDX: 10000 × 28 × 28 images (first pixel sum 18454) and labels 7 2 1 0 4 1 4 9 5 9', () => {
    const img = parseIdx(dataFile('mnist/t10k-images-idx3-ubyte.gz'), 'img.gz');
    expect(img.dims).toEqual([10000, 28, 28]);
    expect(img.data.subarray(0, 784).reduce((a, b) => a + b, 0)).toBe(18454);
    const lab = parseIdx(dataFile('mnist/t10k-labels-idx1-ubyte.gz'), 'lab.gz');
    expect([...lab.data.subarray(0, 10)]).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
    expect(summarize(img)).toMatchObject({ images: 10000 });
  });
  it('matches a dropped WFDB triple by record name and refuses a lone .dat', () => {
    const files = ['100.hea', '100.dat', '100.atr', '1.bs2'].map((n) => ({ name: n, bytes: dataFile(n.endsWith('.bs2') ? `dvs/nmnist/slayerPytorch-NMNISTsmall/${n}` : `mitdb/${n}`) }));
    const recs = loadFiles(files);
    expect(recs.map((r) => r.format)).toEqual(['wfdb', 'nmnist']);
    expect(summarize(recs[0]!).annotations).toEqual({ N: 2239, A: 33, V: 1, '+': 1 });
    expect(() => loadFiles([files[1]!])).toThrow(/needs its header: drop 100.hea/);
  });
});

describe('hand-made files for the variants not covered by real data', () => {
  const wav = (tag: number, bits: number, channels: number, samples: number[]) => {
    const bps = bits / 8;
    const data = new Uint8Array(samples.length * bps);
    const v = new DataView(data.buffer);
    samples.forEach((s, i) => {
      if (tag === 3) v.setFloat32(i * 4, s, true);
      else if (bits === 8) v.setUint8(i, s + 128);
      else if (bits === 24) {
        v.setUint8(i * 3, s & 0xff);
        v.setUint8(i * 3 + 1, (s >> 8) & 0xff);
        v.setUint8(i * 3 + 2, (s >> 16) & 0xff);
      } else if (bits === 32) v.setInt32(i * 4, s, true);
      else v.setInt16(i * 2, s, true);
    });
    const h = new Uint8Array(44);
    const hv = new DataView(h.buffer);
    const put = (o: number, s: string) => s.split('').forEach((c, i) => (h[o + i] = c.charCodeAt(0)));
    put(0, 'RIFF');
    hv.setUint32(4, 36 + data.length, true);
    put(8, 'WAVE');
    put(12, 'fmt ');
    hv.setUint32(16, 16, true);
    hv.setUint16(20, tag, true);
    hv.setUint16(22, channels, true);
    hv.setUint32(24, 16000, true);
    hv.setUint16(34, bits, true);
    put(36, 'data');
    hv.setUint32(40, data.length, true);
    return new Uint8Array([...h, ...data]);
  };
  it.each([
    [1, 8, [-128, 64], [-1, 0.5]],
    [1, 24, [-8388608, 4194304], [-1, 0.5]],
    [1, 32, [-2147483648, 1073741824], [-1, 0.5]],
    [3, 32, [-1, 0.5], [-1, 0.5]],
  ])('decodes WAV format %i with %i bits to [−1, 1]', (tag, bits, raw, expected) => {
    expect([...parseWav(wav(tag, bits, 1, raw), 'x.wav').signal.values]).toEqual(expected);
  });
  it('keeps stereo channels interleaved', () => {
    const s = parseWav(wav(1, 16, 2, [16384, -16384, 0, 32767]), 's.wav').signal;
    expect(s.channels).toEqual(['left', 'right']);
    expect(s.length).toBe(2);
    expect(s.values[1]).toBe(-0.5);
  });
  it('reads a CSV with a header and a headerless TSV, and names a bad cell', () => {
    const c = parseCsv(new TextEncoder().encode('a,b\n1,2\n3,4\n'), 'x.csv', 100);
    expect(c.signal).toMatchObject({ channels: ['a', 'b'], length: 2, samplingHz: 100 });
    expect([...c.signal.values]).toEqual([1, 2, 3, 4]);
    expect(parseCsv(new TextEncoder().encode('1\t2\n3\t4'), 'x.tsv').signal.channels).toEqual(['column 1', 'column 2']);
    expect(() => parseCsv(new TextEncoder().encode('a,b\n1,x\n'), 'x.csv')).toThrow(/line 2 column 2/);
  });
  it('reads an uncompressed IDX and refuses a gzip bomb before inflating it', () => {
    const raw = new Uint8Array([0, 0, 8, 1, 0, 0, 0, 3, 7, 8, 9]);
    expect([...parseIdx(raw, 'l.idx').data]).toEqual([7, 8, 9]);
    expect(parseIdx(gzipSync(raw), 'l.gz').dims).toEqual([3]);
    const bomb = gzipSync(raw);
    new DataView(bomb.buffer).setUint32(bomb.length - 4, 0xffffffff, true);
    expect(() => parseIdx(bomb, 'bomb.gz')).toThrow(/over the .*limit/);
  });
  it('reads AEDAT 2.0 DVS128 events and skips external events', () => {
    const head = new TextEncoder().encode('#!AER-DAT2.0\r\n# comment\r\n');
    const ev = new Uint8Array(24);
    const v = new DataView(ev.buffer);
    v.setUint32(0, (5 << 8) | (9 << 1) | 1, false); // y 5, x 9, ON
    v.setInt32(4, 100, false);
    v.setUint32(8, 0x8000, false); // external event
    v.setInt32(12, 150, false);
    v.setUint32(16, (7 << 8) | (3 << 1), false); // y 7, x 3, OFF
    v.setInt32(20, 200, false);
    const e = parseAedat2(new Uint8Array([...head, ...ev]), 'x.aedat');
    expect([...e.x]).toEqual([9, 3]);
    expect([...e.y]).toEqual([5, 7]);
    expect([...e.p]).toEqual([1, 0]);
    expect([...e.t]).toEqual([100, 200]);
  });
  it('reads AEDAT 3.1 polarity packets with timestamp overflow and skips invalid events', () => {
    const head = new TextEncoder().encode('#!AER-DAT3.1\r\n#Format: RAW\r\n#!END-HEADER\r\n');
    const p = new Uint8Array(28 + 16);
    const v = new DataView(p.buffer);
    v.setInt16(0, 1, true);
    v.setInt32(4, 8, true);
    v.setInt32(8, 4, true);
    v.setInt32(12, 1, true); // overflow 1 → + 2^31 µs
    v.setInt32(20, 2, true);
    v.setUint32(28, (300 << 17) | (200 << 2) | 2 | 1, true);
    v.setInt32(32, 10, true);
    v.setUint32(36, (1 << 17) | 0, true); // invalid
    v.setInt32(40, 20, true);
    const e = parseAedat3(new Uint8Array([...head, ...p]), 'x.aedat');
    expect([e.x[0], e.y[0], e.p[0], e.t[0]]).toEqual([300, 200, 1, 2 ** 31 + 10]);
    expect(e.t.length).toBe(1);
  });
  it('detects formats by magic, refuses AEDAT 4 and unknown types clearly', () => {
    expect(detectFormat(new TextEncoder().encode('#!AER-DAT3.1\r\n'), 'a')).toBe('aedat3');
    expect(() => detectFormat(new TextEncoder().encode('#!AER-DAT4.0\r\n'), 'a.aedat4')).toThrow(/AEDAT 4 .* not supported yet/);
    expect(() => detectFormat(new Uint8Array([1, 2, 3]), 'x.xyz')).toThrow(DataFormatError);
    expect(() => parseNmnist(new Uint8Array(7), 'x.bin')).toThrow(/not a whole number of 5-byte events/);
  });
});

describe('hostile CSV and AEDAT files found by the probe (npm run probe)', () => {
  it('refuses a CSV of 200,000 columns, naming the count and the limit', () => {
    const text = Array.from({ length: 200_000 }, (_, i) => `c${i}`).join(',') + '\n' + '1,'.repeat(199_999) + '1\n';
    expect(() => parseCsv(new TextEncoder().encode(text), 'wide.csv')).toThrow(/^wide\.csv: line 1 at byte 0: 200000 columns; at most 4096 channels are read$/);
  });
  it('refuses an AEDAT 3.1 file whose header never ends', () => {
    expect(() => parseAedat3(new TextEncoder().encode('#!AER-DAT3.1\r\n#Source 1\r\n'), 'open.aedat')).toThrow(/^open\.aedat: header at byte \d+: no '#!END-HEADER' line/);
  });
});
