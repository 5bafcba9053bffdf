import { describe, expect, it } from 'vitest';
import { epochAfterKey, epochDomain, epochTicks, nearestEpochIndex } from './epochAxis.ts';

describe('epoch axis', () => {
  it('epochTicks labels every epoch when they are at least 36 px apart', () => {
    expect(epochTicks(2, 200)).toEqual([1, 2]);
    expect(epochTicks(5, 200)).toEqual([1, 2, 3, 4, 5]);
  });

  it('epochTicks thins to odd epochs, then to multiples of 5, 10, … on a narrow axis', () => {
    // 200 px hold 5 labels: 9 epochs in steps of 2 are 5 labels.
    expect(epochTicks(9, 200)).toEqual([1, 3, 5, 7, 9]);
    // 23 epochs need steps of 5 (1, 5, 10, 15, 20: five labels).
    expect(epochTicks(23, 200)).toEqual([1, 5, 10, 15, 20]);
    expect(epochTicks(200, 200)).toEqual([1, 50, 100, 150, 200]);
  });

  it('epochTicks gives only integers within 1 … epochs, and nothing before the first epoch', () => {
    for (const n of [1, 3, 7, 12, 40, 99]) {
      const t = epochTicks(n, 240);
      expect(t.every((v) => Number.isInteger(v) && v >= 1 && v <= n)).toBe(true);
      expect(t.length).toBeLessThanOrEqual(Math.floor(240 / 36));
    }
    expect(epochTicks(0, 240)).toEqual([]);
  });

  it('epochDomain centres a single epoch and spans 1 … n otherwise', () => {
    expect(epochDomain(1)).toEqual([0, 2]);
    expect(epochDomain(4)).toEqual([1, 4]);
  });

  it('nearestEpochIndex rounds the pointer to the nearest epoch and clamps to those recorded', () => {
    expect(nearestEpochIndex(1.4, 3)).toBe(0);
    expect(nearestEpochIndex(1.6, 3)).toBe(1);
    expect(nearestEpochIndex(-2, 3)).toBe(0);
    expect(nearestEpochIndex(9, 3)).toBe(2);
    expect(nearestEpochIndex(Number.NaN, 3)).toBe(0);
  });

  it('epochAfterKey moves the guide one epoch per arrow, stops at the ends, and starts at the last epoch', () => {
    expect(epochAfterKey('ArrowLeft', null, 4)).toBe(3);
    expect(epochAfterKey('ArrowLeft', 2, 4)).toBe(1);
    expect(epochAfterKey('ArrowLeft', 0, 4)).toBe(0);
    expect(epochAfterKey('ArrowRight', 3, 4)).toBe(3);
    expect(epochAfterKey('Home', 2, 4)).toBe(0);
    expect(epochAfterKey('End', 0, 4)).toBe(3);
    expect(epochAfterKey('a', 1, 4)).toBeNull();
  });
});
