import { describe, expect, it } from 'vitest';
import { fitProgress, freshProgress, lessonDone, markStep, parseProgress, stepsDone } from './lessonProgress.ts';

describe('lesson progress', () => {
  it('marks steps done or skipped, a done step staying done', () => {
    let p = freshProgress(3);
    p = markStep(p, 0, 'done');
    p = markStep(p, 1, 'skipped');
    p = markStep(p, 0, 'skipped');
    expect(p.steps).toEqual(['done', 'skipped', null]);
    expect(stepsDone(p)).toBe(1);
    expect(lessonDone(p)).toBe(false);
    expect(lessonDone(markStep(markStep(p, 1, 'done'), 2, 'done'))).toBe(true);
  });

  it('fits kept progress to a lesson whose number of steps changed', () => {
    expect(fitProgress({ steps: ['done', 'done', 'done'], last: 2 }, 2)).toEqual({ steps: ['done', 'done'], last: 1 });
    expect(fitProgress({ steps: ['done'], last: 0 }, 3)).toEqual({ steps: ['done', null, null], last: 0 });
    expect(fitProgress(undefined, 2)).toEqual(freshProgress(2));
  });

  it('drops anything kept that is not progress', () => {
    expect(parseProgress({ steps: ['done', null], last: 1 })).toEqual({ steps: ['done', null], last: 1 });
    expect(parseProgress({ steps: ['finished'], last: 0 })).toBeNull();
    expect(parseProgress({ steps: [], last: 0.5 })).toBeNull();
    expect(parseProgress('done')).toBeNull();
  });
});
