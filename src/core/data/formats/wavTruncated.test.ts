import { describe, expect, it } from 'vitest';
import { refusal } from '../../../../test/support/refusal.ts';
import { glide, pcm16Wav } from '../../../../test/support/wavFile.ts';
import { parseWav } from './wavReader.ts';

// 0.3 s of 16-bit mono at 8 kHz: 2,400 samples, a 4,800-byte data chunk after the 44-byte header.
const whole = pcm16Wav(glide(300, 900, 0.3, 8000), 8000);

describe('a WAV file cut short', () => {
  it('reads a whole file with no warning', () => {
    const w = parseWav(whole, 'whole.wav');
    expect(w.signal.length).toBe(2400);
    expect(w.warnings).toEqual([]);
  });

  it('reads a file cut to a third with a warning: declared and present bytes, where it ends, what was read', () => {
    const cut = whole.slice(0, 44 + 1600);
    const w = parseWav(cut, 'cut.wav');
    expect(w.signal.length).toBe(800);
    expect(w.warnings).toEqual([expect.objectContaining({ code: 'data_truncated', file: 'cut.wav', field: 'data chunk', byteOffset: 44 + 1600 })]);
    expect(w.warnings[0]?.message).toBe('cut.wav: data chunk at byte 1644: the data chunk declares 4800 bytes but only 1600 are present (file cut short): 800 frames (0.100 s) read of the 2400 declared');
  });

  it('keeps the whole frames of a cut that falls inside a sample', () => {
    const w = parseWav(whole.slice(0, 44 + 1601), 'odd.wav');
    expect(w.signal.length).toBe(800);
    expect(w.warnings[0]?.message).toMatch(/only 1601 are present/);
  });

  it('refuses a file cut before its first whole frame, naming where it ends', () => {
    expect(refusal(() => parseWav(whole.slice(0, 45), 'empty.wav'))).toMatchObject({ file: 'empty.wav', field: 'data chunk', byteOffset: 45 });
  });

  it('refuses a float WAV holding NaN or Infinity at the sample\'s offset', () => {
    const f = new Uint8Array(44 + 8);
    f.set(whole.subarray(0, 44));
    const v = new DataView(f.buffer);
    v.setUint16(20, 3, true); // IEEE float
    v.setUint16(34, 32, true);
    v.setUint32(40, 8, true);
    v.setFloat32(44, 0.5, true);
    v.setFloat32(48, Number.NaN, true);
    expect(refusal(() => parseWav(f, 'nan.wav'))).toMatchObject({ field: 'sample', byteOffset: 48 });
  });
});
