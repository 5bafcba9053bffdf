import { describe, expect, it } from 'vitest';
import { studyProgressFraction, studyProgressText } from './studyProgressText.ts';

describe('the study progress line', () => {
  it('names the stage, the system and its place among the systems', () => {
    expect(studyProgressText({ task: 'ecg', system: 'SSF, 4-bit weights', stage: 'train', done: 1, total: 5 })).toBe('training SSF, 4-bit weights, system 2 of 5');
    expect(studyProgressText({ task: 'ecg', system: 'ANN twin', stage: 'map', done: 4, total: 5 })).toBe('costing the energy of ANN twin, system 5 of 5');
    expect(studyProgressText(null)).toBe('preparing the study (a first run also checks the energy model)…');
    expect(studyProgressText({ task: '', system: '', stage: 'map', done: 5, total: 5 })).toBe('finishing, 5 of 5 systems done');
  });

  it('fills the bar by finished systems plus the stage reached in the current one', () => {
    // Second of four systems, scoring: (1 + 0.75) / 4.
    expect(studyProgressFraction({ task: 't', system: 's', stage: 'score', done: 1, total: 4 })).toBeCloseTo(0.4375, 12);
    expect(studyProgressFraction({ task: 't', system: 's', stage: 'train', done: 0, total: 4 })).toBe(0);
    expect(studyProgressFraction({ task: '', system: '', stage: 'map', done: 4, total: 4 })).toBe(1);
    expect(studyProgressFraction(null)).toBe(0);
  });
});
