import { dataWarning, type DataWarning } from './dataWarnings.ts';
import type { WfdbSignalSpec } from './wfdbHeader.ts';

/**
 * A WFDB signal's checksum as header(5) defines it: the sum of all its samples, kept to 16 bits and
 * read as a signed number (MIT-BIH 100's MLII: −22131).
 */
export function wfdbChecksum(samples: Int16Array): number {
  let sum = 0;
  for (let t = 0; t < samples.length; t++) sum = (sum + (samples[t] as number)) & 0xffff;
  return sum > 0x7fff ? sum - 0x10000 : sum;
}

/**
 * The warning for a signal whose samples do not add up to the header's checksum, or undefined when
 * they do or the header gives none. WFDB's own tools (rdsamp, wfdbdesc) report the same mismatch
 * and read on: the samples stay readable, but the .dat (flipped bytes) or the .hea is damaged.
 */
export function checksumWarning(headerFile: string, dataFile: string, index: number, spec: WfdbSignalSpec, samples: Int16Array): DataWarning | undefined {
  if (spec.checksum === undefined) return undefined;
  const actual = wfdbChecksum(samples);
  // Compare as 16-bit values: a header may write the sum unsigned (65535 for −1).
  if (((actual - spec.checksum) & 0xffff) === 0) return undefined;
  const name = spec.description ? ` (${spec.description})` : '';
  return dataWarning(
    'checksum_mismatch',
    headerFile,
    `signal ${index}${name} checksum`,
    spec.checksumOffset ?? 0,
    `the header's checksum is ${spec.checksum} but the ${samples.length} samples in ${dataFile} sum to ${actual} (16-bit): ${dataFile} or the header is damaged`,
  );
}
