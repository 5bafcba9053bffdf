import { describe, expect, it } from 'vitest';
import { dataFile, HAVE_DATA } from '../../../../test/support/sharedData.ts';
import { createRng } from '../../rng.ts';
import { parseWav } from '../formats/wavReader.ts';
import { DIGIT_FORMANTS, syntheticDigit } from '../synth/audioSynth.ts';
import { fft } from './fft.ts';
import { hzToMel, melSpectrogram, melToHz } from './melSpectrogram.ts';

describe('fft', () => {
  it('puts a pure cosine of k cycles into bins k and n − k with amplitude n/2', () => {
    const n = 64;
    const re = Float64Array.from({ length: n }, (_, t) => Math.cos((2 * Math.PI * 5 * t) / n));
    const im = new Float64Array(n);
    fft(re, im);
    expect(re[5]).toBeCloseTo(32, 9);
    expect(re[59]).toBeCloseTo(32, 9);
    expect(Math.abs(re[6] ?? 1)).toBeLessThan(1e-9);
  });
});

describe('mel spectrogram', () => {
  it('inverts the mel scale and puts a 1 kHz tone in the band centred nearest 1 kHz', () => {
    expect(melToHz(hzToMel(1234))).toBeCloseTo(1234, 9);
    const x = Float32Array.from({ length: 8000 }, (_, t) => Math.sin((2 * Math.PI * 1000 * t) / 8000));
    const m = melSpectrogram(x, 8000);
    expect(m.frames).toBe(Math.floor((8000 - 200) / 80) + 1);
    const frame = m.values.subarray(10 * m.bands, 11 * m.bands);
    const best = frame.indexOf(Math.max(...frame));
    const nearest = [...m.centersHz].reduce((bi, c, i) => (Math.abs(c - 1000) < Math.abs((m.centersHz[bi] ?? 0) - 1000) ? i : bi), 0);
    expect(Math.abs(best - nearest)).toBeLessThanOrEqual(1);
  });
  it.skipIf(!HAVE_DATA)('turns a real FSDD recording into frames of 32 finite log energies', () => {
    const w = parseWav(dataFile('audio/fsdd/recordings/0_jackson_0.wav'), 'w.wav');
    const m = melSpectrogram(w.signal.values, 8000);
    expect(m.frames).toBe(Math.floor((5148 - 200) / 80) + 1);
    expect(m.values.every(Number.isFinite)).toBe(true);
  });
});

describe('synthetic spoken digits', () => {
  it('sweep their second formant the way the digit table says (rising for 1, falling for 0)', () => {
    const f2Trend = (digit: number) => {
      const m = melSpectrogram(syntheticDigit(digit, createRng(digit), { samplingHz: 8000, durationS: 0.5, noise: 0 }), 8000, { frameMs: 25, hopMs: 10, bands: 40, fMinHz: 50 });
      // Strongest band above 1 kHz (F2 region) early vs late in the utterance.
      const peak = (f: number) => {
        let best = -1;
        let bestV = -Infinity;
        for (let b = 0; b < m.bands; b++) if ((m.centersHz[b] ?? 0) > 700 && (m.values[f * m.bands + b] ?? -Infinity) > bestV) [best, bestV] = [b, m.values[f * m.bands + b] ?? -Infinity];
        return m.centersHz[best] ?? 0;
      };
      return peak(Math.floor(m.frames * 0.7)) - peak(Math.floor(m.frames * 0.3));
    };
    expect(DIGIT_FORMANTS[0]?.[1][1]).toBeLessThan(DIGIT_FORMANTS[0]?.[1][0] ?? 0);
    expect(f2Trend(0)).toBeLessThan(-200);
    expect(f2Trend(1)).toBeGreaterThan(200);
  });
  it('stays within [−1, 1] and is reproducible from the seed', () => {
    const a = syntheticDigit(3, createRng(1));
    expect(a.every((v) => v >= -1 && v <= 1)).toBe(true);
    expect(syntheticDigit(3, createRng(1))).toEqual(a);
    expect(syntheticDigit(3, createRng(2))).not.toEqual(a);
  });
});
