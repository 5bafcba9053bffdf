import { describe, expect, it } from 'vitest';
import { presenterCss } from './presenterPanels.ts';

describe('presenterCss', () => {
  it('shows every panel when the step lists none', () => {
    expect(presenterCss(null)).toBe('');
  });

  it('hides the panels the step does not list, keeping the lesson panel', () => {
    const css = presenterCss(['neuron']);
    expect(css).toContain(':not([data-lesson-panel="lesson"], [data-lesson-panel="neuron"])');
    expect(css).toContain('display: none');
  });

  it('keeps anything but plain panel names out of the selector', () => {
    expect(presenterCss(['neuron"] , * {color:red} [x="'])).not.toContain('color:red');
  });
});

describe('presenter mode and the panel names of core', () => {
  it('keeps each panel name the validator accepts in its selector', async () => {
    const { LESSON_PANELS } = await import('../../core/teach/lessonControls.ts');
    for (const p of LESSON_PANELS) expect(presenterCss([p])).toContain(`[data-lesson-panel="${p}"]`);
  });
});
