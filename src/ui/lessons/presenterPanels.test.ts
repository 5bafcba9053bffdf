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
