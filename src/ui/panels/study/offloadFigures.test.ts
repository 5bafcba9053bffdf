import { describe, expect, it } from 'vitest';
import type { StudyClaim } from '../../../core/study/studyTypes.ts';
import { summaryLines } from './offloadFigures.ts';

const claims: StudyClaim[] = [
  { metric: 'accuracy', value: '+4.15 %', source: 'paper' },
  { metric: 'edge energy', value: '−79.4 %', source: 'paper' },
];

describe('summaryLines', () => {
  it('gives the gain in signed points and the changes in signed %, each beside the claim of its metric', () => {
    const lines = summaryLines({ task: 't', threshold: 0.8, accuracy_gain_points: 3.25, edge_energy_change: -0.7941, latency_change: 0.1 }, claims);
    expect(lines.map((l) => [l.key, l.ours, l.claim])).toEqual([
      ['accuracy_gain_points', '+3.3 points', '+4.15 %'],
      ['edge_energy_change', '\u221279.4 %', '\u221279.4 %'],
      ['latency_change', '+10.0 %', null],
    ]);
  });

  it('writes a change that rounds to zero without a sign', () => {
    const lines = summaryLines({ task: 't', threshold: 1, accuracy_gain_points: -0.01, edge_energy_change: 0, latency_change: 0 }, []);
    expect(lines.map((l) => l.ours)).toEqual(['0.0 points', '0.0 %', '0.0 %']);
  });
});
