import type { ByteReader } from './byteReader.ts';
import { checkSamplingHz } from './samplingRate.ts';

/** Largest magnitude of a float32 sample; a physical limit beyond it makes samples ±Infinity. */
const FLOAT32_MAX = 3.4028234663852886e38;

/** Where each per-signal field of the header starts (field of signal i at offset + width·i). */
export interface SignalOffsets {
  readonly pmin: number;
  readonly pmax: number;
  readonly dmin: number;
  readonly dmax: number;
  readonly nsamp: number;
}

/**
 * Refuses a signal header whose numbers give no signal: fewer than 1 sample per record, a sampling
 * rate outside SAMPLING_HZ_RANGE (given the record duration; annotation signals have no rate),
 * digital limits that are not whole numbers of the sample width or not increasing, physical limits
 * beyond float32 (the samples would read as ±Infinity) and equal physical limits (every sample
 * would read the same value).
 */
export function checkSignalHeader(r: ByteReader, h: { samplesPerRecord: number; physicalMin: number; physicalMax: number; digitalMin: number; digitalMax: number }, i: number, at: SignalOffsets, bdf: boolean, durationS: number | undefined): void {
  const nsamp = at.nsamp + 8 * i;
  if (!Number.isInteger(h.samplesPerRecord) || h.samplesPerRecord < 1) r.fail(`signal ${i} samples per record`, nsamp, `${h.samplesPerRecord}: a signal needs at least 1 sample per data record`);
  if (durationS !== undefined) checkSamplingHz(h.samplesPerRecord / durationS, r.file, `signal ${i} sampling rate (samples per record / duration of a data record)`, nsamp);
  const limit = bdf ? 2 ** 23 : 2 ** 15;
  for (const [name, v, o] of [['digital minimum', h.digitalMin, at.dmin], ['digital maximum', h.digitalMax, at.dmax]] as const) {
    if (!Number.isInteger(v) || v < -limit || v >= limit) r.fail(`signal ${i} ${name}`, o + 8 * i, `${v} is not a ${bdf ? 24 : 16}-bit sample value`);
  }
  if (h.digitalMin >= h.digitalMax) r.fail(`signal ${i} digital maximum`, at.dmax + 8 * i, `${h.digitalMax} is not above the digital minimum ${h.digitalMin}`);
  for (const [name, v, o] of [['physical minimum', h.physicalMin, at.pmin], ['physical maximum', h.physicalMax, at.pmax]] as const) {
    if (!(Math.abs(v) <= FLOAT32_MAX)) r.fail(`signal ${i} ${name}`, o + 8 * i, `${v} is beyond the ±3.4e38 a sample holds (its samples would read as Infinity)`);
  }
  if (h.physicalMin === h.physicalMax) r.fail(`signal ${i} physical maximum`, at.pmax + 8 * i, `equals the physical minimum ${h.physicalMin}: every sample would read the same value`);
}
