import { ByteReader, checkSize } from './byteReader.ts';
import { checkFileBudget } from './fileBudgets.ts';
import type { Signal } from '../signal.ts';
import { dataWarning, type DataWarning } from './dataWarnings.ts';
import { checkSamplingHz } from './samplingRate.ts';

/** A decoded WAV file: the samples in [−1, 1] as a Signal, plus the encoding it came in. */
export interface WavRecord {
  readonly format: 'wav';
  readonly file: string;
  readonly bitsPerSample: number;
  readonly encoding: 'pcm' | 'float';
  readonly signal: Signal;
  /** Damage read through: a data chunk cut short (the samples present are read). */
  readonly warnings: readonly DataWarning[];
}

/** The `fmt ` chunk, with where it starts (its fields' offsets count from there). */
interface WavFormat {
  readonly tag: number;
  readonly channels: number;
  readonly rate: number;
  readonly bits: number;
  readonly at: number;
}

/** The `data` chunk: where its samples start, the bytes it declares and the bytes present. */
interface WavData {
  readonly start: number;
  readonly declared: number;
  readonly present: number;
}

/**
 * RIFF/WAVE: chunks after the 12-byte RIFF header; `fmt ` gives the encoding (1 PCM, 3 IEEE float,
 * 0xFFFE extensible), channels, rate and bits; `data` holds interleaved little-endian samples.
 * PCM 8 (unsigned), 16, 24, 32 bits and float32 are decoded to [−1, 1]. A data chunk that declares
 * more bytes than the file holds (a cut-off download) is read as far as it goes, with a warning;
 * with not even one whole frame it is refused. Float samples must be finite.
 */
export function parseWav(bytes: Uint8Array, file: string): WavRecord {
  checkSize(bytes, file);
  const r: ByteReader = new ByteReader(bytes, file);
  if (r.ascii(0, 4, 'RIFF tag') !== 'RIFF' || r.ascii(8, 4, 'WAVE tag') !== 'WAVE') r.fail('RIFF tag', 0, 'not a RIFF/WAVE file');
  let fmt: WavFormat | undefined;
  let o = 12;
  while (o + 8 <= bytes.length) {
    const id = r.ascii(o, 4, 'chunk id');
    const size = r.u32le(o + 4, `${id} chunk size`);
    const body = o + 8;
    if (id === 'fmt ') {
      let tag = r.u16le(body, 'format tag');
      if (tag === 0xfffe) tag = r.u16le(body + 24, 'extensible sub-format');
      fmt = { tag, channels: r.u16le(body + 2, 'channels'), rate: r.u32le(body + 4, 'sample rate'), bits: r.u16le(body + 14, 'bits per sample'), at: body };
    } else if (id === 'data') {
      if (!fmt) r.fail('fmt chunk', o, "the 'data' chunk comes before any 'fmt ' chunk");
      return decode(r, file, fmt, { start: body, declared: size, present: Math.min(size, bytes.length - body) });
    }
    o = body + size + (size % 2);
  }
  return r.fail('data chunk', bytes.length, "no 'data' chunk found");
}

function decode(r: ByteReader, file: string, fmt: WavFormat, data: WavData): WavRecord {
  const { tag, channels, rate, bits, at } = fmt;
  if (channels < 1 || channels > 64) r.fail('channels', at + 2, `${channels} channels`);
  checkSamplingHz(rate, file, 'sample rate', at + 4);
  const float = tag === 3;
  if (!(tag === 1 && [8, 16, 24, 32].includes(bits)) && !(float && bits === 32)) r.fail('format tag', at, `encoding ${tag} with ${bits} bits is not supported (PCM 8/16/24/32-bit or float32)`);
  const bps = bits / 8;
  const { start, declared, present } = data;
  const frames = Math.floor(present / (bps * channels));
  const warnings: DataWarning[] = [];
  if (present < declared) {
    const cut = `the data chunk declares ${declared} bytes but only ${present} are present`;
    if (frames === 0) r.fail('data chunk', start + present, `${cut}: not one whole sample frame`);
    const kept = `${frames} frames (${(frames / rate).toFixed(3)} s) read of the ${Math.floor(declared / (bps * channels))} declared`;
    warnings.push(dataWarning('data_truncated', file, 'data chunk', start + present, `${cut} (file cut short): ${kept}`));
  }
  // An 8-bit sample becomes 4 bytes of float32: cost it before allocating.
  checkFileBudget('signalValues', frames * channels, file, 'data chunk', start, `${frames * channels} samples (${frames} frames × ${channels} channels)`);
  const values = new Float32Array(frames * channels);
  const v = r.view;
  for (let k = 0; k < values.length; k++) {
    const o = start + k * bps;
    values[k] = float
      ? v.getFloat32(o, true)
      : bits === 8
        ? ((r.bytes[o] as number) - 128) / 128
        : bits === 16
          ? v.getInt16(o, true) / 32768
          : bits === 24
            ? ((((r.bytes[o + 2] as number) << 24) | ((r.bytes[o + 1] as number) << 16) | ((r.bytes[o] as number) << 8)) >> 8) / 8388608
            : v.getInt32(o, true) / 2147483648;
    if (float && !Number.isFinite(values[k] as number)) r.fail('sample', o, `${values[k]} is not a finite sample`);
  }
  const names = channels === 1 ? ['mono'] : channels === 2 ? ['left', 'right'] : Array.from({ length: channels }, (_, i) => `ch${i}`);
  return { format: 'wav', file, bitsPerSample: bits, encoding: float ? 'float' : 'pcm', signal: { samplingHz: rate, channels: names, unit: 'full scale', length: frames, values, annotations: [] }, warnings };
}
