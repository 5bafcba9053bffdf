/**
 * Defects a property finds while their fix is still being made elsewhere. Each is tolerated for
 * its reader and problem code only (judgeRead discards such runs with fc.pre), with its minimal
 * input in the commit that lists it; delete the entry once the fix lands, and the property holds
 * the reader to it.
 */
export interface KnownDefect {
  /** ReaderCase.reader it applies to. */
  readonly reader: string;
  /** RecordProblem.code it excuses. */
  readonly code: string;
  /** Which part of issue 26 fixes it. */
  readonly owner: string;
}

// Empty: every defect the properties found in issue 26 is fixed, and the properties hold each reader to it.
export const KNOWN_DEFECTS: readonly KnownDefect[] = [];

/** Readers whose known defects loadFiles inherits: it hands each dropped file to one of them. */
const FILE_READERS = new Set(['WFDB record', 'EDF/BDF', 'CSV/TSV', 'N-MNIST', 'AEDAT 2.0', 'AEDAT 3.1']);

/** The known defect excusing `code` for `reader`, if any. */
export function knownDefectOf(reader: string, code: string): KnownDefect | undefined {
  return KNOWN_DEFECTS.find((d) => d.code === code && (d.reader === reader || (reader === 'loadFiles' && FILE_READERS.has(d.reader))));
}
