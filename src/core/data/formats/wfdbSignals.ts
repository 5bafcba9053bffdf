import { DataFormatError } from '../../errors.ts';
import { ByteReader } from './byteReader.ts';

/** WFDB signal formats this reader decodes. */
export const WFDB_FORMATS = [212, 16, 80] as const;

/** Bytes per sample in a format, as a fraction for 212 (3 bytes per 2 samples). */
function bytesPerSample(format: number): number {
  return format === 212 ? 1.5 : format === 16 ? 2 : 1;
}

/** Number of whole frames (one sample of each of nsig signals) in a data file of a format. */
export function framesInFile(byteLength: number, format: number, nsig: number): number {
  return Math.floor(byteLength / (bytesPerSample(format) * nsig));
}

/**
 * Decodes `frames` frames of `nsig` interleaved signals from a WFDB data file into digital values
 * `out[s][t]`. Formats: 212 (pairs of 12-bit two's complement samples in 3 bytes), 16 (16-bit
 * little-endian), 80 (8-bit offset binary). Other formats get a clear "not supported" error.
 */
export function decodeWfdbSignals(bytes: Uint8Array, file: string, format: number, nsig: number, frames: number): Int16Array[] {
  if (!(WFDB_FORMATS as readonly number[]).includes(format)) {
    throw new DataFormatError(file, 'format', 0, `WFDB format ${format} is not supported yet (supported: ${WFDB_FORMATS.join(', ')})`);
  }
  const r: ByteReader = new ByteReader(bytes, file);
  const total = frames * nsig;
  r.need(0, Math.ceil(total * bytesPerSample(format)), `${total} samples of format ${format}`);
  const out = Array.from({ length: nsig }, () => new Int16Array(frames));
  const put = (k: number, v: number) => {
    (out[k % nsig] as Int16Array)[Math.floor(k / nsig)] = v;
  };
  if (format === 16) {
    for (let k = 0; k < total; k++) put(k, r.view.getInt16(2 * k, true));
  } else if (format === 80) {
    for (let k = 0; k < total; k++) put(k, (bytes[k] as number) - 128);
  } else {
    for (let k = 0; k < total; k += 2) {
      const o = (k / 2) * 3;
      const b0 = bytes[o] as number;
      const b1 = bytes[o + 1] as number;
      const s0 = b0 | ((b1 & 0x0f) << 8);
      put(k, s0 > 2047 ? s0 - 4096 : s0);
      if (k + 1 < total) {
        const s1 = (bytes[o + 2] as number) | ((b1 & 0xf0) << 4);
        put(k + 1, s1 > 2047 ? s1 - 4096 : s1);
      }
    }
  }
  return out;
}
