import { describe, expect, it } from 'vitest';
import { LESSON_FIGURES, LESSON_PANELS } from '../../../core/teach/lessonControls.ts';
import { presenterCss } from '../presenterPanels.ts';
import { LESSON_FIGURE_COMPONENTS } from './lessonFigures.ts';

describe('the page draws every name a lesson may use', () => {
  it('has a component for every figure the validator accepts, and none besides', () => {
    expect(Object.keys(LESSON_FIGURE_COMPONENTS).sort()).toEqual(Object.keys(LESSON_FIGURES).sort());
  });

  it("presenter mode keeps each panel name the validator accepts in its selector", () => {
    for (const p of LESSON_PANELS) expect(presenterCss([p])).toContain(`[data-lesson-panel="${p}"]`);
  });
});
