import { describe, expect, it } from 'vitest';
import type { StudyIncrementalRow } from '../../../core/study/studyTypes.ts';
import { formatPoints, INCREMENTAL_COLUMNS } from './incrementalColumns.ts';

const row: StudyIncrementalRow = {
  task: 'digits',
  system: 'Edge SNN alone',
  method: 'replay',
  new_class: '9',
  shots: 5,
  replay_per_class: 5,
  new_class_accuracy: 0.6,
  old_accuracy_before: 0.8125,
  old_accuracy_after: 0.75,
  forgetting: 0.0625,
};

describe('incrementalColumns', () => {
  it('INCREMENTAL_COLUMNS shows the method, the class, the counts, accuracies in % and forgetting in points', () => {
    expect(INCREMENTAL_COLUMNS.map((c) => c.format(row))).toEqual(['with a replay buffer', '9', '5', '5', '60.0 %', '81.3 % → 75.0 %', '6.3 points']);
    // Fine-tuning keeps no old examples, whatever buffer size the study gave the replay method.
    expect(INCREMENTAL_COLUMNS.slice(0, 4).map((c) => c.format({ ...row, method: 'fine-tune' }))).toEqual(['fine-tune, no replay', '9', '5', 'none']);
  });

  it('formatPoints signs a negative forgetting (old classes gained) with a real minus', () => {
    expect(formatPoints(-0.05)).toBe('\u22125.0 points');
    expect(formatPoints(0)).toBe('0.0 points');
    expect(formatPoints(-0.0001)).toBe('0.0 points');
  });
});
