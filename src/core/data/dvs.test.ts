import { describe, expect, it } from 'vitest';
import { dataFile, HAVE_DATA } from '../../../test/support/sharedData.ts';
import { createRng } from '../rng.ts';
import { binEvents, denoiseBackgroundActivity, refractoryFilter } from './dvsFrames.ts';
import { countOn } from './formats/eventsRecord.ts';
import { parseNmnist } from './formats/nmnistReader.ts';
import { DVS_CLASSES, syntheticDvs } from './synth/dvsSynth.ts';

const meanX = (e: ReturnType<typeof syntheticDvs>, from: number, to: number) => {
  let s = 0;
  let n = 0;
  for (let k = 0; k < e.t.length; k++) {
    const t = e.t[k] as number;
    if (t >= from && t < to) {
      s += e.x[k] as number;
      n++;
    }
  }
  return s / n;
};

describe('synthetic DVS', () => {
  it('moves the events of a right-moving bar to the right over time, with ON at the leading edge', () => {
    const e = syntheticDvs('bar-right', createRng(1));
    expect(e.t.length).toBeGreaterThan(1000);
    expect(meanX(e, 0, 100_000)).toBeLessThan(meanX(e, 200_000, 300_000) - 10);
    // Leading edge brightens (ON), trailing edge darkens (OFF): ON events sit right of OFF ones.
    let onX = 0;
    let offX = 0;
    let on = 0;
    for (let k = 0; k < e.t.length; k++) {
      if ((e.t[k] as number) < 140_000 || (e.t[k] as number) > 160_000) continue;
      if (e.p[k]) {
        onX += e.x[k] as number;
        on++;
      } else offX += e.x[k] as number;
    }
    const off = e.t.filter((t) => t >= 140_000 && t <= 160_000).length - on;
    expect(onX / on).toBeGreaterThan(offX / off);
  });
  it('gives every class events in time order, reproducibly, and differs between classes', () => {
    const counts = DVS_CLASSES.map((c) => {
      const e = syntheticDvs(c, createRng(2));
      for (let k = 1; k < e.t.length; k++) expect(e.t[k]).toBeGreaterThanOrEqual(e.t[k - 1] as number);
      expect(syntheticDvs(c, createRng(2)).t).toEqual(e.t);
      return e.t.length;
    });
    expect(new Set(counts).size).toBeGreaterThan(3);
  });
});

describe('event binning and denoising', () => {
  it('bins events into frames with polarity channels and downsampling, conserving the count', () => {
    const e = syntheticDvs('disk-circle', createRng(3));
    const f = binEvents(e, { windowUs: 10_000, downsample: 2, polarityChannels: true });
    expect([f.frames, f.height, f.width, f.channels]).toEqual([30, 16, 16, 2]);
    expect(f.values.reduce((a, b) => a + b, 0)).toBe(e.t.length);
    let on = 0;
    for (let i = 1; i < f.values.length; i += 2) on += f.values[i] as number;
    expect(on).toBe(countOn(e));
  });
  it('removes isolated noise events and keeps most events of a moving edge', () => {
    const clean = syntheticDvs('bar-down', createRng(4), { width: 32, height: 32, durationMs: 300, contrast: 0.15, noiseHz: 0 });
    const noisy = syntheticDvs('bar-down', createRng(4), { width: 32, height: 32, durationMs: 300, contrast: 0.15, noiseHz: 3 });
    const extra = noisy.t.length - clean.t.length;
    // 1024 pixels × 0.3 s × 3 Hz ≈ 920 noise events.
    expect(extra).toBeGreaterThan(600);
    const filtered = denoiseBackgroundActivity(noisy, 5000);
    const kept = denoiseBackgroundActivity(clean, 5000).t.length / clean.t.length;
    expect(kept).toBeGreaterThan(0.9);
    // Most added noise is gone: the filtered count is far closer to the clean one.
    expect(filtered.t.length - clean.t.length * kept).toBeLessThan(0.5 * extra);
  });
  it.skipIf(!HAVE_DATA)('keeps most events of a real N-MNIST saccade', () => {
    const e = parseNmnist(dataFile('dvs/nmnist/slayerPytorch-NMNISTsmall/1.bs2'), '1.bs2');
    const kept = denoiseBackgroundActivity(e, 10_000).t.length / e.t.length;
    expect(kept).toBeGreaterThan(0.6);
    expect(kept).toBeLessThan(1);
  });
});

describe('refractory filter', () => {
  it('keeps one event per pixel per refractory period', () => {
    const e = { format: 'synthetic' as const, file: 'x', width: 2, height: 1, x: Uint16Array.from([0, 0, 1, 0, 0]), y: new Uint16Array(5), p: new Uint8Array(5), t: Float64Array.from([0, 500, 600, 1000, 1200]) };
    expect([...refractoryFilter(e, 1000).t]).toEqual([0, 600, 1000]);
  });
});
