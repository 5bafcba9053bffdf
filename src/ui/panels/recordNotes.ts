import type { LoadedRecord } from '../../core/data/fileStore.ts';
import { formatDataWarning } from '../../core/data/formats/dataWarnings.ts';

/** Class or annotation counts as `N 2239 · S 33`, most frequent first. */
export function formatCounts(c: Readonly<Record<string, number>>): string {
  return Object.entries(c)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(' · ');
}

/** A loaded file, as far as its notes need it. */
type Noted = Pick<LoadedRecord, 'kind' | 'classCounts'> & { readonly summary: Pick<LoadedRecord['summary'], 'annotations' | 'events' | 'warnings'> };

/**
 * What the record list says under a loaded file about its labels and contents: the AAMI beat
 * classes of a WFDB record, or why there are none (a record dropped without its `.atr`, whose
 * line used to read a bare "AAMI:"), and that an event file with a header and no events has
 * nothing to simulate (it used to run as an empty input without a word). Last, every warning its
 * reader left (a checksum mismatch, a cut-off WAV, dropped events): the data are used, damaged.
 */
export function recordNotes(f: Noted): { readonly text: string; readonly warning: boolean }[] {
  const notes: { text: string; warning: boolean }[] = [];
  const annotated = Object.keys(f.summary.annotations).length > 0;
  if (f.classCounts && Object.keys(f.classCounts).length > 0) notes.push({ text: `AAMI: ${formatCounts(f.classCounts)}`, warning: false });
  else if (f.classCounts && annotated) notes.push({ text: `no AAMI beat classes among its annotations (${formatCounts(f.summary.annotations)})`, warning: true });
  else if (f.classCounts) notes.push({ text: 'no annotations (.atr not given): drop the record’s .atr with its .hea and .dat for beat classes', warning: true });
  else if (annotated) notes.push({ text: `annotations: ${formatCounts(f.summary.annotations)}`, warning: false });
  if (f.kind === 'events' && f.summary.events === 0) notes.push({ text: 'the file holds no events (a header only): a run on it gets no input spikes', warning: true });
  for (const w of f.summary.warnings) notes.push({ text: formatDataWarning(w), warning: true });
  return notes;
}
