import { describe, expect, it } from 'vitest';
import { DataFormatError } from '../../errors.ts';
import { parseAedat2 } from './aedatReader.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('an AEDAT 2.0 header whose last line has no newline (found by test/property)', () => {
  it('reads the version line alone as a file of no events, not as a byte past its end', () => {
    // Minimal case: the 12 bytes '#!AER-DAT2.0'. The header ran to byte 13, and the refusal named
    // byte 13 of a 12-byte file; the events start where the file ends.
    const e = parseAedat2(text('#!AER-DAT2.0'), 'bare.aedat');
    expect([e.t.length, e.width, e.height]).toEqual([0, 128, 128]);
  });
  it('refuses a partial event after such a header at an offset inside the file', () => {
    const bytes = text('#!AER-DAT2.0\r\n# note');
    const refusal = (() => {
      try {
        parseAedat2(new Uint8Array([...bytes.subarray(0, 14), 1, 2, 3]), 'cut.aedat');
      } catch (e) {
        return e;
      }
    })();
    expect(refusal).toBeInstanceOf(DataFormatError);
    expect(refusal).toMatchObject({ file: 'cut.aedat', field: 'event', byteOffset: 14 });
    expect(parseAedat2(bytes, 'note.aedat').t.length).toBe(0);
  });
});
