import { describe, expect, it } from 'vitest';
import { runGraphReference } from '../../../../test/support/graphReference.ts';
import { compileNetwork } from '../../network/compile.ts';
import { inferShapes, shapeSize } from '../../network/shapes.ts';
import { initWeights, type NetworkWeights } from '../../network/weights.ts';
import { createRng } from '../../rng.ts';
import { networkSchema } from '../../spec/network.ts';
import { createEventEngine } from './eventEngine.ts';

/** The value read-out's per-step trace of each element: the node before it, step by step. */
async function traces(layers: unknown[], weights: Record<string, Float32Array>, frames: number[][]): Promise<number[][]> {
  const spec = networkSchema.parse({ layers });
  const init = initWeights(spec, 1);
  const w: NetworkWeights = { ...init, ...Object.fromEntries(Object.entries(weights).map(([k, v]) => [k, { shape: [v.length], values: v }])) };
  const n = frames[0]?.length ?? 0;
  const values = Float32Array.from(frames.flat());
  const last = spec.layers[spec.layers.length - 1]?.name ?? '';
  const membrane = Array.from({ length: n }, (_v, neuron) => ({ layer: last, neuron }));
  const res = await createEventEngine().simulate(compileNetwork(spec, w, 1), { steps: frames.length, batch: 1, neurons: n, values }, { dtMs: 1, membrane });
  // 0 × −1 is −0 in float32 (tfjs agrees); the hand values say 0.
  return res.membranes.map((m) => Array.from(m.values, (v) => v + 0));
}

describe('scale and delay nodes on the event engine', () => {
  const input = { kind: 'input', name: 'in', shape: [3] };
  const out = { kind: 'readout', name: 'y', mode: 'value', reduce: 'last' };
  // Element 0 fires at steps 0 and 2, element 1 at step 1, element 2 at steps 0 and 1.
  const frames = [
    [1, 0, 1],
    [0, 1, 1],
    [1, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];

  it('a scale multiplies each element by its factor, then a delay holds each back by its own steps (by hand)', async () => {
    const got = await traces(
      [input, { kind: 'scale', name: 's' }, { kind: 'delay', name: 'd', steps: [0, 1, 3] }, out],
      { s: Float32Array.from([2, -1, 0.5]) },
      frames,
    );
    // y0[t] = 2·x0[t]; y1[t] = −x1[t − 1]; y2[t] = 0.5·x2[t − 3].
    expect(got).toEqual([
      [2, 0, 2, 0, 0, 0],
      [0, 0, -1, 0, 0, 0],
      [0, 0, 0, 0.5, 0.5, 0],
    ]);
  });

  it('one delay for every element, zeros before the run reaches it; a scale starts as ones', async () => {
    const got = await traces([input, { kind: 'scale', name: 's' }, { kind: 'delay', name: 'd', steps: 2 }, out], {}, frames);
    expect(got).toEqual([
      [0, 0, 1, 0, 1, 0],
      [0, 0, 0, 1, 0, 0],
      [0, 0, 1, 1, 0, 0],
    ]);
  });

  it('a delay of 0 steps passes its input on', async () => {
    const got = await traces([input, { kind: 'delay', name: 'd', steps: 0 }, out], {}, frames);
    expect(got).toEqual([0, 1, 2].map((j) => frames.map((f) => f[j])));
  });

  it('refuses per-element delays that do not match the input, naming the node', () => {
    const spec = networkSchema.parse({ layers: [input, { kind: 'delay', name: 'd', steps: [1, 2] }, out] });
    expect(inferShapes(spec).issues.map((i) => i.message)).toContain("'d' has 2 delays for 3 elements [3]");
  });

  it('spikes as the naive reference on a recurrent graph with scales and per-element delays, over seeds', async () => {
    const lif = { model: 'lif', threshold: 0.6, tauMemMs: 10 };
    for (let seed = 1; seed <= 4; seed++) {
      const r = createRng(seed, 'scale-delay');
      const steps = Array.from({ length: 12 }, () => Math.floor(r.next() * 5));
      const spec = networkSchema.parse({
        layers: [
          { kind: 'input', name: 'in', shape: [10] },
          { kind: 'dense', name: 'fc', units: 12, weightGain: 2 },
          { kind: 'spiking', name: 's1', neuron: lif, inputs: ['fc', { from: 'rec', recurrent: true }] },
          { kind: 'delay', name: 'dl', steps },
          { kind: 'scale', name: 'sc' },
          { kind: 'dense', name: 'rec', units: 12, weightGain: 1.5 },
          { kind: 'delay', name: 'd2', steps: 3, inputs: ['s1'] },
          { kind: 'dense', name: 'fc2', units: 5, weightGain: 2 },
          { kind: 'spiking', name: 'o', neuron: lif },
        ],
      });
      const net = compileNetwork(spec, undefined, seed);
      const weights = { ...net.weights, sc: { shape: [12], values: Float32Array.from({ length: 12 }, () => Math.fround(0.5 + 1.5 * r.next())) } };
      const T = 40;
      const n = shapeSize(net.shapes[0] ?? [1]);
      const frames = Array.from({ length: T }, () => new Float32Array(n).map(() => (r.next() < 0.3 ? 1 : 0)));
      const values = new Float32Array(T * n);
      frames.forEach((f, t) => values.set(f, t * n));
      const res = await createEventEngine().simulate({ ...net, weights }, { steps: T, batch: 1, neurons: n, values }, { dtMs: 1 });
      const ref = runGraphReference(spec, weights, frames, 1);
      let total = 0;
      spec.layers.forEach((l, i) => {
        if (l.kind !== 'spiking') return;
        const want: [number, number][] = [];
        ref.forEach((outs, t) => (outs[i] ?? []).forEach((v, id) => v !== 0 && want.push([t, id])));
        const train = res.layers.find((x) => x.name === l.name)?.spikes[0];
        expect(Array.from(train?.times ?? [], (t, k) => [t, train?.ids[k] ?? -1]), `spikes of '${l.name}', seed ${seed}`).toEqual(want);
        total += want.length;
      });
      expect(total).toBeGreaterThan(20);
    }
  });
});
