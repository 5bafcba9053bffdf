import { describe, expect, it } from 'vitest';
import { planKeep } from './keepPolicy.ts';

const MB = 2 ** 20;
const caps = { file: 10 * MB, total: 20 * MB };

describe('planKeep', () => {
  it('keeps files within both caps', () => {
    expect(planKeep([], [{ name: 'a.csv', size: 3 * MB }], caps)).toEqual({ keep: ['a.csv'], refused: [] });
  });

  it('refuses a file over the per-file cap, saying its size and the cap, and its WFDB partners with it', () => {
    const plan = planKeep([], [{ name: '100.hea', size: 100 }, { name: '100.dat', size: 11 * MB }, { name: 'x.csv', size: MB }], caps);
    expect(plan.keep).toEqual(['x.csv']);
    expect(plan.refused.map((r) => r.name)).toEqual(['100.hea', '100.dat']);
    expect(plan.refused[0]?.reason).toBe('100.dat is 11.0 MB, over the 10.0 MB this browser keeps per file (with 100.hea); drop it again on your next visit');
  });

  it('refuses a record that would pass the total, and tells how much is used', () => {
    const plan = planKeep([{ name: 'old.wav', size: 15 * MB }], [{ name: 'a.wav', size: 4 * MB }, { name: 'b.wav', size: 2 * MB }], caps);
    // 15 + 4 = 19 MB fits the 20 MB; b.wav would make 21.
    expect(plan.keep).toEqual(['a.wav']);
    expect(plan.refused).toEqual([{ name: 'b.wav', reason: 'keeping b.wav (2.0 MB) would pass the 20.0 MB kept in all (19.0 MB used); remove kept files to make room' }]);
  });

  it('counts a kept file of the same name as replaced, not as taking room twice', () => {
    // 9 + 8 = 17 MB with a.wav replaced; 26 MB (refused) if the old a.wav still counted.
    expect(planKeep([{ name: 'a.wav', size: 9 * MB }, { name: 'b.wav', size: 9 * MB }], [{ name: 'a.wav', size: 8 * MB }], caps).keep).toEqual(['a.wav']);
  });
});
