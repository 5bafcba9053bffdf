import { DataFormatError } from '../../errors.ts';

/**
 * Sampling rates a reader accepts, in Hz: from one sample per 1,000 s (slow physiological trends)
 * to 10 MHz (far above any ECG, EEG or audio file the workbench is for). Outside it a rate is a
 * damaged or hostile header: 1e-300 Hz would stretch a few samples over longer than the universe,
 * and the steps derived from it overflow.
 */
export const SAMPLING_HZ_RANGE = { min: 0.001, max: 1e7 } as const;

/** Why a sampling rate is refused, or undefined when it is finite and inside SAMPLING_HZ_RANGE. */
export function samplingRateProblem(hz: number): string | undefined {
  if (!Number.isFinite(hz)) return `${hz} Hz is not a finite sampling rate`;
  if (hz < SAMPLING_HZ_RANGE.min || hz > SAMPLING_HZ_RANGE.max) return `${hz} Hz is outside the sampling rates read (${SAMPLING_HZ_RANGE.min} Hz to ${SAMPLING_HZ_RANGE.max / 1e6} MHz)`;
  return undefined;
}

/** Throws a DataFormatError naming file, field and offset unless `hz` is a sampling rate we read. */
export function checkSamplingHz(hz: number, file: string, field: string, byteOffset: number): void {
  const problem = samplingRateProblem(hz);
  if (problem !== undefined) throw new DataFormatError(file, field, byteOffset, problem);
}
