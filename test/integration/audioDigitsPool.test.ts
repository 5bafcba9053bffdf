import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine/index.ts';
import { compileNetwork } from '../../src/core/network/compile.ts';
import { createRng } from '../../src/core/rng.ts';
import { parseWorkspace } from '../../src/core/spec/parseWorkspace.ts';
import { runGraphReference } from '../support/graphReference.ts';

const ws = parseWorkspace(JSON.parse(readFileSync('public/presets/audio-digits-pool.workspace.json', 'utf8')));
const layers = ws.network.layers;
const index = (name: string) => layers.findIndex((l) => l.name === name);
const TAPS = 5;
const BANDS = 32;
const FILTERS = 64;

/** Random mel frames, one per step, as the preset's front end sees them (z-scored values around 0). */
function frames(steps: number): Float32Array[] {
  const r = createRng(3, 'audio-pool-frames');
  return Array.from({ length: steps }, () => Float32Array.from({ length: BANDS }, () => 2 * r.next() - 1));
}

describe('audio-digits-pool: the ANN ceiling\'s front end as an SNN stepping in time', () => {
  it('feeds lif1 a causal convolution over the last five frames across all 32 mel bands', () => {
    const net = compileNetwork(ws.network, undefined, ws.seed);
    const x = frames(12);
    const out = runGraphReference(ws.network, net.weights, x, 10);
    // lif1's current is tap0 now plus the partial sum of the later taps, arriving a step late.
    const lif1 = layers[index('lif1')];
    expect(lif1?.kind === 'spiking' && lif1.inputs).toEqual(['tap0', { from: 'late1', recurrent: true }]);
    for (let t = 0; t < x.length; t++) {
      const current = (out[t]?.[index('tap0')] as Float32Array).map((v, j) => v + (t > 0 ? ((out[t - 1]?.[index('late1')] as Float32Array)[j] as number) : 0));
      // The same thing written as a 1-D convolution over time: Σ_k W_k · x[t − k], zeros before the start.
      const conv = new Float64Array(FILTERS);
      for (let k = 0; k < TAPS && k <= t; k++) {
        const w = net.weights[`tap${k}`]?.values as Float32Array;
        const xt = x[t - k] as Float32Array;
        for (let j = 0; j < FILTERS; j++) for (let b = 0; b < BANDS; b++) conv[j] = (conv[j] as number) + (xt[b] as number) * (w[b * FILTERS + j] as number);
      }
      for (let j = 0; j < FILTERS; j++) expect(current[j]).toBeCloseTo(conv[j] as number, 4);
    }
  });

  it('pools over the whole utterance: the head reads lif1\'s spike count at the last step', async () => {
    const acc = layers[index('count')];
    expect(acc?.kind).toBe('accumulator');
    expect(acc?.kind === 'accumulator' && acc.window).toBeUndefined();
    const readout = layers.at(-1);
    expect(readout?.kind === 'readout' && [readout.mode, readout.reduce]).toEqual(['value', 'last']);
    // The event engine (the reference engine) and the naive reading agree on the logits.
    const net = compileNetwork(ws.network, undefined, ws.seed);
    const x = frames(48).map((f) => f.map((v) => 3 * v));
    const ref = runGraphReference(ws.network, net.weights, x, 10);
    const counts = ref.at(-1)?.[index('count')] as Float32Array;
    const spikes = ref.reduce((s, o) => s + (o[index('lif1')] as Float32Array).reduce((a, b) => a + b, 0), 0);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(spikes);
    expect(spikes).toBeGreaterThan(0);
    const values = new Float32Array(x.length * BANDS);
    x.forEach((f, t) => values.set(f, t * BANDS));
    const sim = await (await createEngine('events')).simulate(net, { steps: x.length, batch: 1, neurons: BANDS, values }, { dtMs: 10 });
    const logits = ref.at(-1)?.[layers.length - 1] as Float32Array;
    expect(Array.from(sim.readouts[0]?.values ?? [])).toEqual(Array.from(logits).map((v) => expect.closeTo(v, 4)));
  });
});
