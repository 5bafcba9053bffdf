import { describe, expect, it } from 'vitest';
import { cutBeats } from './ecgBeats.ts';
import type { Signal } from '../signal.ts';
import { createRng } from '../../rng.ts';
import { parseWorkspace } from '../../spec/parseWorkspace.ts';
import { beatSet } from './beatSet.ts';
import { ecgTrainingSets } from '../../trainingSets/ecgTraining.ts';
import { beatVector, beatVectorWidth, decimateBeat, RR_FEATURES } from './beatVector.ts';

/** Two leads at 100 Hz for 10 s: lead 0 = 1 mV, lead 1 = −1 mV, beats at the given samples. */
function twoLeads(beats: readonly number[], symbols: readonly string[]): Signal {
  const n = 1000;
  const values = new Float32Array(2 * n);
  for (let t = 0; t < n; t++) {
    values[2 * t] = 1;
    values[2 * t + 1] = -1;
  }
  // A 3 mV spike on lead 0 at every R peak.
  for (const b of beats) values[2 * b] = 4;
  return { samplingHz: 100, channels: ['MLII', 'V1'], unit: 'mV', length: n, values, annotations: beats.map((sample, i) => ({ sample, symbol: symbols[i] ?? 'N' })) };
}

describe('beats with RR context and two leads', () => {
  const sig = twoLeads([100, 200, 300, 350, 500, 600], ['N', 'N', 'N', 'V', 'N', 'N']);
  const beats = cutBeats('r', sig, { beforeS: 0.2, afterS: 0.3, channel: 0, leads: 2 });

  it('cutBeats takes both leads lead-major and the RR intervals around each beat', () => {
    expect(beats.map((b) => b.sample)).toEqual([100, 200, 300, 350, 500, 600]);
    const v = beats[3];
    expect(v?.leads).toBe(2);
    expect(v?.values.length).toBe(100);
    expect(v?.values[20]).toBe(4); // R of lead 0, 0.2 s into the window
    expect(v?.values[50 + 20]).toBe(-1); // lead 1 after lead 0
    // The premature V: 0.5 s after the previous beat, 1.5 s to the next; the local mean covers the
    // intervals up to this beat: (1 + 1 + 0.5) / 3.
    expect(v?.rr.preS).toBeCloseTo(0.5, 12);
    expect(v?.rr.postS).toBeCloseTo(1.5, 12);
    expect(v?.rr.localS).toBeCloseTo(2.5 / 3, 12);
    // The first beat borrows its next interval as its previous one.
    expect(beats[0]?.rr).toEqual({ preS: 1, postS: 1, localS: 1 });
  });

  it('beatVector removes each lead’s median, maps ±3 mV onto [0, 1] and appends five RR features', () => {
    const b = beats[3];
    if (!b) throw new Error('no beat');
    const d = decimateBeat(b, 5);
    expect(d.steps).toBe(10);
    const v = beatVector(d.x, b, true);
    expect(v.length).toBe(2 * 10 + RR_FEATURES);
    // Lead 0: baseline 1 mV → 0.5; the R sample (index 20 → decimated 4) is 3 mV above → 1.
    expect(v[0]).toBe(0.5);
    expect(v[4]).toBe(1);
    expect(v[10]).toBe(0.5); // lead 1 is flat at its median
    // pre 0.5 s / 2, post 1.5 / 2, local (5/6) / 2, pre/local 0.6 / 2, post/pre 3 / 2 → clipped to 1.
    const expected = [0.25, 0.75, 5 / 12, 0.3, 1];
    Array.from(v.subarray(20)).forEach((f, k) => expect(f).toBeCloseTo(expected[k] ?? NaN, 6));
    expect(beatVectorWidth({ beforeS: 0.2, afterS: 0.3, decimate: 5, leads: 2, rrFeatures: true }, 100)).toBe(v.length);
  });

  it("beatSet in 'window' mode holds each beat's vector for the chosen steps", () => {
    const set = beatSet(beats, { decimate: 5, encoder: { kind: 'direct', gain: 2, normalize: 'minmax' }, input: 'window', rrFeatures: true, steps: 4 }, createRng(1));
    expect(set.steps).toBe(4);
    expect(set.neurons).toBe(25);
    expect(Array.from(set.labels)).toEqual([0, 0, 0, 2, 0, 0]);
    // Direct coding is the same current every step: one step is stored and held.
    expect(set.held).toBe(true);
    const x = set.inputs[3] as Float32Array;
    expect(x.length).toBe(25);
    expect(x[4]).toBe(2); // direct current: gain × 1
    const rate = beatSet(beats, { decimate: 5, encoder: { kind: 'rate', maxProb: 1 }, input: 'window', rrFeatures: true, steps: 4 }, createRng(1));
    expect(rate.held).toBe(false);
    expect(rate.inputs[3]?.length).toBe(100);
  });
});

describe('ecgTrainingSets on named records', () => {
  // Ten-second two-lead records at 100 Hz with a beat every second, named like MIT-BIH records.
  const rec = (name: string) => ({ name, signal: twoLeads([100, 200, 300, 400, 500, 600, 700, 800], ['N', 'N', 'V', 'N', 'N', 'N', 'A', 'N']) });
  const ws = (split: 'intra' | 'inter') =>
    parseWorkspace({
      schemaVersion: 1,
      name: 'beats',
      seed: 1,
      network: { layers: [{ kind: 'input', name: 'in', shape: [25] }, { kind: 'dense', name: 'fc', units: 5 }, { kind: 'spiking', name: 'out', neuron: { model: 'lif' } }] },
      data: { kind: 'synthetic-ecg', samplingHz: 100, leads: 2 },
      encoder: { kind: 'direct', gain: 1 },
      training: { dataset: { kind: 'ecg-beats', decimate: 5, beforeS: 0.2, afterS: 0.3, input: 'window', leads: 2, rrFeatures: true, steps: 4, split } },
    });

  it('the inter-patient split trains on DS1, tests on DS2 and leaves the paced records out', () => {
    const sets = ecgTrainingSets(ws('inter'), [rec('101'), rec('100'), rec('102'), rec('106')]);
    // 101 and 106 are DS1, 100 is DS2, 102 is paced: 8 beats per record.
    expect(sets.train.labels.length).toBe(16);
    expect(sets.test.labels.length).toBe(8);
    expect(sets.description).toMatch(/^3 records, inter-patient split \(DS1 → DS2\)/);
  });

  it('refuses an inter-patient split without records of both DS1 and DS2, and more leads than a record has', () => {
    expect(() => ecgTrainingSets(ws('inter'), [rec('101'), rec('106')])).toThrow(/needs MIT-BIH records of both DS1/);
    const oneLead = { name: '100', signal: { ...rec('100').signal, channels: ['MLII'], values: new Float32Array(1000) } };
    expect(() => ecgTrainingSets(ws('intra'), [oneLead])).toThrow(/2 leads asked for, but record 100 has 1/);
  });
});
