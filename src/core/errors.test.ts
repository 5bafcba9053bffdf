import { describe, expect, it } from 'vitest';
import { DataFormatError, LinkError, SpecError, SpikelabError } from './errors.ts';
import { MESSAGE_CHARS } from './format/inputText.ts';
import { NirError, nodeSubject } from './share/nir/nirError.ts';

describe('core errors hold no raw control characters and no megabytes of input', () => {
  it('a message that quotes 10 MB of input is cut to MESSAGE_CHARS and says how much is left', () => {
    const e = new SpikelabError('x', `bad: ${'A'.repeat(10_000_000)}`);
    expect(e.message.length).toBeLessThan(MESSAGE_CHARS + 40);
    expect(e.message).toMatch(/… \(\d+ more characters\)$/);
  });

  it('escapes terminal escapes and bidi overrides in every message, keeping line feeds', () => {
    const e = new SpikelabError('x', 'a\x1b[2J\nb\u202e');
    expect(e.message).toBe('a\\u001b[2J\nb\\u202e');
  });

  it('a file name, issue paths and messages, link reasons and NIR node names are quoted as input', () => {
    expect(new DataFormatError('\x1b[31mred.hea', 'record line', 0, 'bad').message).toBe('\\x1b[31mred.hea: record line at byte 0: bad');
    const spec = new SpecError([{ path: `weights.${'k'.repeat(1000)}\u202e`, message: 'Unrecognized key: "\x9b2J"' }]);
    expect(spec.issues[0]?.path.length).toBeLessThan(300);
    expect(spec.issues[0]?.message).toBe('Unrecognized key: "\\u009b2J"');
    const link = new LinkError('json', `x${'y'.repeat(100_000)}`, [{ path: '\x1b', message: 'm' }]);
    expect(link.reason.length).toBeLessThan(MESSAGE_CHARS + 40);
    expect(link.issues[0]?.path).toBe('\\x1b');
    expect(new NirError(nodeSubject('\x1b[2J', 'LIF'), 'bad').message).toBe("NIR node '\\x1b[2J' (LIF): bad");
  });
});
