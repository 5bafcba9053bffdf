import type { StudyIncrementalRow } from '../../../core/study/studyTypes.ts';

/** A column of the incremental learning table: its heading with the unit, and the cell's text. */
export interface IncrementalColumn {
  readonly key: string;
  readonly label: string;
  readonly title: string;
  readonly format: (row: StudyIncrementalRow) => string;
}

/**
 * How each method learns the new class, as the table names it, and the replay it keeps: a row
 * carries the study's buffer size for both methods, but plain fine-tuning keeps none.
 */
export const METHODS: Readonly<Record<StudyIncrementalRow['method'], { readonly text: string; readonly replay: (r: StudyIncrementalRow) => string }>> = {
  replay: { text: 'with a replay buffer', replay: (r) => String(r.replay_per_class) },
  'fine-tune': { text: 'fine-tune, no replay', replay: () => 'none' },
};

const percent = (a: number) => `${(100 * a).toFixed(1)} %`;

/** Percentage points with a real minus sign; a negative forgetting is old classes gained. */
export function formatPoints(fraction: number): string {
  const t = Math.abs(100 * fraction).toFixed(1);
  return `${Number(t) === 0 || fraction > 0 ? '' : '\u2212'}${t} points`;
}

/**
 * The table's columns, in order: how the device learned, what, from how many examples, and what
 * it cost the old classes. Accuracies in %, forgetting (old before − after) in points.
 */
export const INCREMENTAL_COLUMNS: readonly IncrementalColumn[] = [
  { key: 'method', label: 'method', title: 'replay: the new examples and a few kept examples of each old class; fine-tune: the new examples only', format: (r) => METHODS[r.method].text },
  { key: 'new_class', label: 'new class', title: 'the class held out of the first training and learned on the device', format: (r) => r.new_class },
  { key: 'shots', label: 'shots', title: 'examples of the new class the device learns from', format: (r) => String(r.shots) },
  { key: 'replay_per_class', label: 'replay / class', title: 'examples of each old class kept on the device', format: (r) => METHODS[r.method].replay(r) },
  { key: 'new_class_accuracy', label: 'new-class accuracy', title: "accuracy on the new class's test samples after the update, %", format: (r) => percent(r.new_class_accuracy) },
  { key: 'old_accuracy', label: 'old classes, before → after', title: "accuracy on the old classes' test samples before and after the update, %", format: (r) => `${percent(r.old_accuracy_before)} → ${percent(r.old_accuracy_after)}` },
  { key: 'forgetting', label: 'forgetting', title: 'old-class accuracy lost by the update (before − after), percentage points', format: (r) => formatPoints(r.forgetting) },
];
