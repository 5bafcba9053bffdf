import { gzipSync } from 'fflate';
import { craftEdf } from './edfCraft.ts';
import { glide, pcm16Wav } from '../wavFile.ts';

/**
 * Small, valid files of every format a reader takes, built in code: seeds for the property tests
 * when ../shared/data is absent (a fresh clone), and a second seed beside the real files. Each is
 * a few hundred bytes so that mutations of it run in microseconds.
 */

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** 16-bit WFDB checksum of one signal: the sum of its samples as a signed 16-bit number. */
const wfdbChecksum = (xs: readonly number[]) => {
  const s = xs.reduce((a, b) => (a + b) & 0xffff, 0);
  return s > 32767 ? s - 65536 : s;
};

/** A two-lead format-212 WFDB record of `frames` samples (header, data, annotations). */
export function craftWfdb(frames = 120): { hea: Uint8Array; dat: Uint8Array; atr: Uint8Array } {
  const leads = [0, 1].map((c) => Array.from({ length: frames }, (_, t) => Math.round(300 * Math.sin((t + 7 * c) / 9)) - 40 * c));
  const dat = new Uint8Array(Math.ceil((frames * 2 * 3) / 2));
  for (let t = 0; t < frames; t++) {
    const [a, b] = [(leads[0]?.[t] ?? 0) & 0xfff, (leads[1]?.[t] ?? 0) & 0xfff];
    dat.set([a & 0xff, ((a >> 8) & 0x0f) | ((b >> 4) & 0xf0), b & 0xff], 3 * t);
  }
  const line = (c: number, name: string) => `rec.dat 212 200 11 1024 ${leads[c]?.[0]} ${wfdbChecksum(leads[c] ?? [])} 0 ${name}`;
  const hea = latin1(`rec 2 360 ${frames}\n${line(0, 'MLII')}\n${line(1, 'V5')}\n# crafted for the property tests\n`);
  // Beats every 30 samples (N, then V), a NUM and an AUX rhythm note, then the end word.
  const words = [(1 << 10) | 10, (60 << 10) | 3, (5 << 10) | 30, (63 << 10) | 4, 0x4e28, 0x0029, (1 << 10) | 30, 0];
  const atr = new Uint8Array(words.length * 2);
  words.forEach((w, i) => new DataView(atr.buffer).setUint16(2 * i, w, true));
  return { hea, dat, atr };
}

/** N-MNIST events on the 34 × 34 sensor, time increasing. */
export function craftNmnist(events = 60): Uint8Array {
  const out = new Uint8Array(5 * events);
  for (let i = 0; i < events; i++) {
    const t = 100 + 37 * i;
    out.set([(i * 7) % 34, (i * 11) % 34, ((i % 2) << 7) | ((t >> 16) & 0x7f), (t >> 8) & 0xff, t & 0xff], 5 * i);
  }
  return out;
}

/** AEDAT 2.0 from a DVS128: two header lines, then big-endian (address, timestamp) pairs. */
export function craftAedat2(events = 40): Uint8Array {
  const body = new Uint8Array(8 * events);
  const v = new DataView(body.buffer);
  for (let i = 0; i < events; i++) {
    v.setUint32(8 * i, (((i * 5) % 128) << 8) | (((i * 3) % 128) << 1) | (i % 2), false);
    v.setInt32(8 * i + 4, 1000 + 50 * i, false);
  }
  return concat(latin1('#!AER-DAT2.0\r\n# crafted for the property tests\r\n'), body);
}

/** Bytes of the AEDAT 3.1 text header of craftAedat3 (the packets start after it). */
export const AEDAT3_HEADER = '#!AER-DAT3.1\r\n#Format: RAW\r\n#Source 1: DVS128\r\n#!END-HEADER\r\n';

/** AEDAT 3.1: the text header, then one polarity packet (type 1, 8-byte events). */
export function craftAedat3(events = 40): Uint8Array {
  const packet = new Uint8Array(28 + 8 * events);
  const v = new DataView(packet.buffer);
  v.setInt16(0, 1, true); // polarity events
  v.setInt16(2, 1, true); // source
  v.setInt32(4, 8, true); // event size
  v.setInt32(8, 4, true); // timestamp offset
  v.setInt32(12, 0, true); // timestamp overflow
  [16, 20, 24].forEach((o) => v.setInt32(o, events, true)); // capacity, number, valid
  for (let i = 0; i < events; i++) {
    v.setUint32(28 + 8 * i, ((((i * 3) % 128) << 17) | (((i * 5) % 128) << 2) | ((i % 2) << 1) | 1) >>> 0, true);
    v.setInt32(28 + 8 * i + 4, 2000 + 25 * i, true);
  }
  return concat(latin1(AEDAT3_HEADER), packet);
}

/** A mono 8 kHz 16-bit PCM WAV of 0.05 s. */
export const craftWav = (): Uint8Array => pcm16Wav(glide(300, 900, 0.05, 8000), 8000);

/** A CSV with a header line and three numeric columns. */
export const craftCsv = (): Uint8Array =>
  latin1('time,lead1,lead2\n' + Array.from({ length: 24 }, (_, i) => `${i},${Math.sin(i / 3).toFixed(4)},${(i * 0.25 - 2).toFixed(2)}`).join('\n') + '\n');

/** A 4 × 5 × 5 unsigned-byte IDX array (like MNIST images), raw. */
export function craftIdx(): Uint8Array {
  const head = new Uint8Array([0, 0, 8, 3, 0, 0, 0, 4, 0, 0, 0, 5, 0, 0, 0, 5]);
  return concat(head, Uint8Array.from({ length: 100 }, (_, i) => (i * 13) & 0xff));
}

/** The same IDX array gzipped. */
export const craftIdxGz = (): Uint8Array => gzipSync(craftIdx());

/** EDF+C: one 4-sample signal and an annotation signal over 3 records of 0.5 s. */
export function craftEdfPlus(): Uint8Array {
  const records = 3;
  const record = (r: number) => {
    const data = new Uint8Array(4 * 2 + 16 * 2);
    const v = new DataView(data.buffer);
    for (let k = 0; k < 4; k++) v.setInt16(2 * k, (r * 4 + k) * 1000 - 5000, true);
    const tal = `+${r * 0.5}\x14\x14\x00` + (r === 1 ? '+0.7\x150.1\x14beat\x14\x00' : '');
    [...tal].forEach((c, i) => (data[8 + i] = c.charCodeAt(0)));
    return data;
  };
  return craftEdf({
    signals: [{ label: 'ECG', samplesPerRecord: 4, physicalMin: -5, physicalMax: 5 }, { label: 'EDF Annotations', samplesPerRecord: 16 }],
    records,
    durationS: 0.5,
    reserved: 'EDF+C',
    data: concat(...Array.from({ length: records }, (_, r) => record(r))),
  });
}

/** BDF (24-bit): two signals of 3 samples over 2 records of 1 s. */
export function craftBdf(): Uint8Array {
  const data = Uint8Array.from({ length: 2 * 2 * 3 * 3 }, (_, i) => (i * 29) & 0xff);
  return craftEdf({ signals: [{ label: 'Fp1', samplesPerRecord: 3 }, { label: 'Fp2', samplesPerRecord: 3 }], records: 2, bdf: true, data });
}
