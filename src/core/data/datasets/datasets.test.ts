import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, dataFile, HAVE_DATA } from '../../../../test/support/sharedData.ts';
import { encodeStatic } from '../../encoders/index.ts';
import { encoderSchema } from '../../encoders/schema.ts';
import { createRng } from '../../rng.ts';
import { parseIdx } from '../formats/idxReader.ts';
import { syntheticDvs } from '../synth/dvsSynth.ts';
import { cutGestures, parseGestureLabels } from './gestureLabels.ts';
import { imageSamples } from './imageSamples.ts';

describe.skipIf(!HAVE_DATA)('labelled samples from real label files', () => {
  it('reads the DVS128 Gesture labels of user01_natural: 12 spans, classes 1–11, class 8 twice', () => {
    const spans = parseGestureLabels(readFileSync(join(DATA_DIR, 'dvs/dvsgesture/user01_natural_labels.csv'), 'utf8'), 'labels.csv');
    expect(spans).toHaveLength(12);
    expect(spans[0]).toEqual({ label: 1, startUs: 53036986, endUs: 59508469 });
    expect(spans.at(-1)).toEqual({ label: 11, startUs: 171367247, endUs: 177991967 });
    expect(spans.filter((s) => s.label === 8)).toHaveLength(2);
  });
  it('pairs MNIST test images with their labels and rate-encodes a digit with brighter pixels firing more', () => {
    const samples = imageSamples(parseIdx(dataFile('mnist/t10k-images-idx3-ubyte.gz'), 'i.gz'), parseIdx(dataFile('mnist/t10k-labels-idx1-ubyte.gz'), 'l.gz'), 20);
    expect(samples.map((s) => s.label).slice(0, 10)).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
    expect(samples[0]?.pixels.reduce((a, b) => a + b, 0)).toBeCloseTo(18454 / 255, 3);
    const enc = encodeStatic(samples[0]?.pixels ?? new Float32Array(), 50, encoderSchema.parse({ kind: 'rate', maxProb: 0.8 }), createRng(1));
    expect(enc.neurons).toBe(784);
    let bright = 0;
    let dark = 0;
    for (let t = 0; t < 50; t++)
      for (let i = 0; i < 784; i++) {
        const v = enc.values[t * 784 + i] as number;
        if ((samples[0]?.pixels[i] ?? 0) > 0.9) bright += v;
        else if ((samples[0]?.pixels[i] ?? 0) === 0) dark += v;
      }
    expect(bright).toBeGreaterThan(1000);
    expect(dark).toBe(0);
  });
});

describe('gesture spans and label-file errors', () => {
  it('cuts a recording into its labelled spans', () => {
    const e = syntheticDvs('bar-right', createRng(1));
    const parts = cutGestures(e, [
      { label: 1, startUs: 0, endUs: 100_000 },
      { label: 2, startUs: 100_000, endUs: 300_000 },
    ]);
    expect(parts[0]!.events.t.length + parts[1]!.events.t.length).toBe(e.t.length);
    expect(parts[1]!.events.t.every((t) => t >= 100_000)).toBe(true);
  });
  it('refuses a malformed label file naming the row', () => {
    expect(() => parseGestureLabels('class,startTime_usec,endTime_usec\n1,5,3\n', 'x.csv')).toThrow(/row 2/);
    expect(() => parseGestureLabels('a,b\n', 'x.csv')).toThrow(/header/);
  });
});
