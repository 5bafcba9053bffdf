/**
 * Defects the property tests find that another helper of issue 26 is fixing in parallel. Each is
 * tolerated for its reader and problem code only (judgeRead discards such runs with fc.pre), and
 * each is described in test/property/KNOWN_DEFECTS.md with its minimal input: delete the entry
 * once the fix is merged, and the property holds the reader to it.
 */
export interface KnownDefect {
  /** ReaderCase.reader it applies to. */
  readonly reader: string;
  /** RecordProblem.code it excuses. */
  readonly code: string;
  /** Which part of issue 26 fixes it. */
  readonly owner: string;
}

const DAMAGED_VALUES = 'issue 26, damaged values (WFDB checksum, EDF duration, N-MNIST sensor, timestamps, infinite samples, rates)';

const MODEL_VALUES = 'issue 26, damaged values (NaN or Infinity weights, class names per output)';

export const KNOWN_DEFECTS: readonly KnownDefect[] = [
  { reader: 'model file', code: 'model-classes', owner: MODEL_VALUES },
  { reader: 'model file', code: 'weights-not-finite', owner: MODEL_VALUES },
  { reader: 'workspace file', code: 'weights-not-finite', owner: MODEL_VALUES },
  { reader: 'NIR graph', code: 'weights-not-finite', owner: MODEL_VALUES },
  { reader: 'NIR import', code: 'weights-not-finite', owner: MODEL_VALUES },
  { reader: 'WFDB record', code: 'wfdb-checksum', owner: DAMAGED_VALUES },
  { reader: 'WFDB record', code: 'sample-not-finite', owner: DAMAGED_VALUES },
  { reader: 'EDF/BDF', code: 'edf-record-duration', owner: DAMAGED_VALUES },
  { reader: 'EDF/BDF', code: 'sampling-rate', owner: DAMAGED_VALUES },
  { reader: 'BDF (crafted)', code: 'edf-record-duration', owner: DAMAGED_VALUES },
  { reader: 'BDF (crafted)', code: 'sampling-rate', owner: DAMAGED_VALUES },
  { reader: 'EDF/BDF', code: 'sample-not-finite', owner: DAMAGED_VALUES },
  { reader: 'BDF (crafted)', code: 'sample-not-finite', owner: DAMAGED_VALUES },
  { reader: 'CSV/TSV', code: 'sample-not-finite', owner: DAMAGED_VALUES },
  { reader: 'CSV --csv-hz', code: 'sampling-rate', owner: DAMAGED_VALUES },
  { reader: 'N-MNIST', code: 'nmnist-sensor', owner: DAMAGED_VALUES },
  { reader: 'AEDAT 2.0', code: 'time-backwards', owner: DAMAGED_VALUES },
  { reader: 'AEDAT 3.1', code: 'time-backwards', owner: DAMAGED_VALUES },
];

/** Readers whose known defects loadFiles inherits: it hands each dropped file to one of them. */
const FILE_READERS = new Set(['WFDB record', 'EDF/BDF', 'CSV/TSV', 'N-MNIST', 'AEDAT 2.0', 'AEDAT 3.1']);

/** The known defect excusing `code` for `reader`, if any. */
export function knownDefectOf(reader: string, code: string): KnownDefect | undefined {
  return KNOWN_DEFECTS.find((d) => d.code === code && (d.reader === reader || (reader === 'loadFiles' && FILE_READERS.has(d.reader))));
}
