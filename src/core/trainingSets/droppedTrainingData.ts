import { loadFiles, type NamedBytes } from '../data/formats/loadFiles.ts';
import type { NamedRecord } from './ecgTraining.ts';
import type { TrainingData } from './workspaceSets.ts';

/**
 * Files a user dropped on the page as training data: WFDB records (named by record, e.g. '100',
 * so the inter-patient split finds DS1 and DS2) and WAV recordings (named by file, for their
 * DIGIT_SPEAKER_INDEX names). Other formats are ignored here; undefined when none is usable.
 */
export function droppedTrainingData(files: readonly NamedBytes[]): TrainingData | undefined {
  const records: NamedRecord[] = [];
  for (const r of loadFiles(files)) {
    if (r.format === 'wfdb') records.push({ name: r.file.replace(/^.*[\\/]/, '').replace(/\.hea$/i, ''), signal: r.signal });
    else if (r.format === 'wav') records.push({ name: r.file.replace(/^.*[\\/]/, ''), signal: r.signal });
  }
  return records.length > 0 ? { kind: 'signals', records: records.sort((a, b) => a.name.localeCompare(b.name)) } : undefined;
}
