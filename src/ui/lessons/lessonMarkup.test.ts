import { describe, expect, it } from 'vitest';
import { parseLessonText } from './lessonMarkup.ts';

describe('parseLessonText', () => {
  it('splits paragraphs on a blank line and joins the lines of one paragraph', () => {
    expect(parseLessonText('A spike\nis brief.\n\n  Second  \n')).toEqual([[{ kind: 'text', text: 'A spike is brief.' }], [{ kind: 'text', text: 'Second' }]]);
  });

  it('reads **bold** and `code` runs between plain text', () => {
    expect(parseLessonText('Set **tau** with `tauMemMs` now')).toEqual([
      [
        { kind: 'text', text: 'Set ' },
        { kind: 'bold', text: 'tau' },
        { kind: 'text', text: ' with ' },
        { kind: 'code', text: 'tauMemMs' },
        { kind: 'text', text: ' now' },
      ],
    ]);
  });

  it('keeps ** inside code as code, and an unclosed marker as written', () => {
    expect(parseLessonText('`a**b**` and **open')).toEqual([
      [
        { kind: 'code', text: 'a**b**' },
        { kind: 'text', text: ' and **open' },
      ],
    ]);
  });

  it('leaves markup as text: a lesson cannot put HTML into the page', () => {
    expect(parseLessonText('<img src=x onerror=alert(1)>')).toEqual([[{ kind: 'text', text: '<img src=x onerror=alert(1)>' }]]);
  });
});
