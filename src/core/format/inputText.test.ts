import { describe, expect, it } from 'vitest';
import { INPUT_QUOTE_CHARS, MESSAGE_CHARS, quoteInput, safeMessage } from './inputText.ts';

describe('quoteInput', () => {
  it('escapes terminal escapes, C1 controls, bidi overrides and isolates as visible escapes', () => {
    expect(quoteInput('\x1b[2Jname')).toBe('\\x1b[2Jname');
    expect(quoteInput('a\u202eb\u2066c\u2069d\u200f')).toBe('a\\u202eb\\u2066c\\u2069d\\u200f');
    expect(quoteInput('\x9b2J\x7f\x00\n\t')).toBe('\\x9b2J\\x7f\\x00\\x0a\\x09');
    expect(quoteInput('line\u2028sep')).toBe('line\\u2028sep');
  });

  it('keeps ordinary text, accents and astral characters as they are', () => {
    expect(quoteInput('Électrocardiogramme µV — 心电图 😀')).toBe('Électrocardiogramme µV — 心电图 😀');
  });

  it('escapes unpaired surrogates but not pairs', () => {
    expect(quoteInput('a\ud800b\udc00c😀')).toBe('a\\ud800b\\udc00c😀');
  });

  it('quotes at most a short prefix and counts the rest', () => {
    const ten = 'Q'.repeat(10_000_000);
    const q = quoteInput(ten);
    expect(q).toBe(`${'Q'.repeat(INPUT_QUOTE_CHARS)}… (${10_000_000 - INPUT_QUOTE_CHARS} more characters)`);
    expect(quoteInput('abcdef', 3)).toBe('abc… (3 more characters)');
    expect(quoteInput('abc', 3)).toBe('abc');
  });

  it('does not split a surrogate pair at the cut', () => {
    expect(quoteInput('ab😀cd', 3)).toBe('ab… (4 more characters)');
  });
});

describe('safeMessage', () => {
  it('keeps line feeds and tabs, escapes every other control as \\u00XX so JSON lines stay JSON', () => {
    expect(safeMessage('a\n\tb\x1b[2J\u202e')).toBe('a\n\tb\\u001b[2J\\u202e');
    const line = JSON.stringify({ name: '\u202e\x85x' });
    expect(JSON.parse(safeMessage(line))).toEqual({ name: '\u202e\x85x' });
  });

  it('bounds a message', () => {
    const m = safeMessage('x'.repeat(MESSAGE_CHARS + 5));
    expect(m).toBe(`${'x'.repeat(MESSAGE_CHARS)}… (5 more characters)`);
    expect(safeMessage('y'.repeat(10), Infinity)).toBe('y'.repeat(10));
  });
});
