import { describe, expect, it } from 'vitest';
import { lessonLinkUrl, readLessonLink, withoutLessonParams } from './lessonLink.ts';

describe('lesson links', () => {
  it('reads the lesson, its 1-based step and presenter mode, beside a workspace link', () => {
    expect(readLessonLink('https://x.org/app/#w=v1.abc&lesson=reading-a-raster&step=3&present=1')).toEqual({ id: 'reading-a-raster', step: 3, present: true, badStep: null });
    expect(readLessonLink('#lesson=a')).toEqual({ id: 'a', step: 1, present: false, badStep: null });
    expect(readLessonLink('#w=v1.abc')).toBeNull();
  });

  it('keeps a step that is not a whole number ≥ 1 for the notice to quote', () => {
    expect(readLessonLink('#lesson=a&step=0')?.badStep).toBe('0');
    expect(readLessonLink('#lesson=a&step=two')?.badStep).toBe('two');
  });

  it('drops only the lesson parameters from a fragment', () => {
    expect(withoutLessonParams('#w=v1.abc&lesson=a&step=2&present=1')).toBe('#w=v1.abc');
    expect(withoutLessonParams('#lesson=a&step=2')).toBe('');
  });

  it('builds the link on the page address, replacing any fragment, and reads back the same', () => {
    const url = lessonLinkUrl('http://h/app/?test#w=v1.x', 'spikes-and-membranes', 4, true);
    expect(url).toBe('http://h/app/?test#lesson=spikes-and-membranes&step=4&present=1');
    expect(readLessonLink(url)).toEqual({ id: 'spikes-and-membranes', step: 4, present: true, badStep: null });
  });
});

describe('readBootLink', () => {
  it('reads the lesson and whether a workspace link shares the fragment (its preset then stays unloaded)', async () => {
    const { readBootLink } = await import('./lessonBoot.ts');
    expect(readBootLink('http://h/?test#w=v1.abc&lesson=chip-costs&step=2')).toEqual({ lesson: { id: 'chip-costs', step: 2, present: false, badStep: null }, hasWorkspace: true });
    expect(readBootLink('http://h/#lesson=chip-costs')).toEqual({ lesson: { id: 'chip-costs', step: 1, present: false, badStep: null }, hasWorkspace: false });
    expect(readBootLink('http://h/')).toEqual({ lesson: null, hasWorkspace: false });
  });
});
