import { describe, expect, it } from 'vitest';
import { runGraphReference } from '../../../../test/support/graphReference.ts';
import { compileNetwork } from '../../network/compile.ts';
import { shapeSize } from '../../network/shapes.ts';
import { createRng } from '../../rng.ts';
import { networkSchema } from '../../spec/network.ts';
import { createEventEngine } from './eventEngine.ts';
import { residualLayers, rsnnLayers } from '../../../../test/support/graphCases.ts';

const lif = { model: 'lif', threshold: 0.6, tauMemMs: 10 };
const DT = 1;

/** Runs the event engine and the naive reference on the same seeded random input; outputs of every spiking node must agree bit for bit. */
async function agree(layers: unknown[], seed: number, steps = 25, p = 0.3, biases = false) {
  const spec = networkSchema.parse({ layers });
  const net = compileNetwork(spec, undefined, seed);
  // Seeded biases so that the bias path is exercised (initial biases are zero).
  const weights = { ...net.weights };
  if (biases) for (const [k, w] of Object.entries(net.weights)) if (k.endsWith('.bias')) weights[k] = { shape: w.shape, values: w.values.map((_v, i) => Math.fround(0.05 * ((i % 5) - 2))) };
  const compiled = { ...net, weights };
  const n = shapeSize(net.shapes[0] ?? [1]);
  const r = createRng(seed, 'graph-input');
  const frames = Array.from({ length: steps }, () => new Float32Array(n).map(() => (r.next() < p ? 1 : 0)));
  const values = new Float32Array(steps * n);
  frames.forEach((f, t) => values.set(f, t * n));
  const res = await createEventEngine().simulate(compiled, { steps, batch: 1, neurons: n, values }, { dtMs: DT });
  const ref = runGraphReference(spec, weights, frames, DT);
  let spikes = 0;
  spec.layers.forEach((l, i) => {
    if (l.kind !== 'spiking') return;
    const rec = res.layers.find((x) => x.name === l.name);
    const want: [number, number][] = [];
    ref.forEach((outs, t) => (outs[i] ?? []).forEach((v, id) => v !== 0 && want.push([t, id])));
    const train = rec?.spikes[0];
    const got = Array.from(train?.times ?? [], (t, k) => [t, train?.ids[k] ?? -1]);
    expect(got, `spikes of '${l.name}'`).toEqual(want);
    spikes += want.length;
  });
  const last = spec.layers[spec.layers.length - 1];
  return { res, ref, spikes, last };
}

describe('the event engine runs any graph as the naive reference reads it', () => {
  it('a recurrent SNN (RLeaky: lif → rec → lif a step late)', async () => {
    const { spikes, res } = await agree(
      rsnnLayers(lif),
      3,
    );
    expect(spikes).toBeGreaterThan(20);
    // The loop changes the answer: the same network without it fires differently.
    const open = await agree(
      [
        { kind: 'input', name: 'in', shape: [12] },
        { kind: 'dense', name: 'fc', units: 16, weightGain: 2 },
        { kind: 'spiking', name: 'lif', neuron: lif },
        { kind: 'dense', name: 'out', units: 4 },
        { kind: 'spiking', name: 'o', neuron: lif },
      ],
      3,
    );
    expect(open.res.layers.find((l) => l.name === 'lif')?.spikeCount).not.toBe(res.layers.find((l) => l.name === 'lif')?.spikeCount);
  });

  it('a residual block (conv → lif → conv, summed with the skip, SEW-style)', async () => {
    const { spikes } = await agree(
      residualLayers(lif),
      5,
    );
    expect(spikes).toBeGreaterThan(20);
  });

  it('convolutions with explicit padding, stride, dilation, groups and biases', async () => {
    const { spikes } = await agree(
      [
        { kind: 'input', name: 'in', shape: [11, 9, 4] },
        { kind: 'conv2d', name: 'c1', filters: 6, kernel: [5, 3], stride: [2, 1], padding: [1, 2, 0, 1], bias: true, weightGain: 2 },
        { kind: 'spiking', name: 's1', neuron: lif },
        { kind: 'conv2d', name: 'c2', filters: 4, kernel: 3, dilation: 2, groups: 2, padding: 'same', bias: true, weightGain: 2 },
        { kind: 'spiking', name: 's2', neuron: lif },
      ],
      7,
      25,
      0.3,
      true,
    );
    expect(spikes).toBeGreaterThan(10);
  });

  it('an SNN → accumulator → ANN hybrid whose value read-out is the ANN of the window counts', async () => {
    const { res, ref, last } = await agree(
      [
        { kind: 'input', name: 'in', shape: [10] },
        { kind: 'dense', name: 'fc', units: 8, weightGain: 2 },
        { kind: 'spiking', name: 's', neuron: lif },
        { kind: 'accumulator', name: 'acc', window: 10 },
        { kind: 'dense', name: 'h', units: 6, bias: true },
        { kind: 'relu', name: 'r' },
        { kind: 'dense', name: 'o', units: 3 },
        { kind: 'readout', name: 'logits', mode: 'value', reduce: 'last' },
      ],
      11,
      30,
      0.3,
      true,
    );
    const got = res.readouts.find((x) => x.name === last?.name)?.values;
    expect(Array.from(got ?? [])).toEqual(Array.from(ref[ref.length - 1]?.[7] ?? []));
    // The accumulator restarts every 10 steps: its output at step 10 counts one step only.
    const acc9 = ref[9]?.[3] ?? new Float32Array(0);
    const acc10 = ref[10]?.[3] ?? new Float32Array(0);
    const s10 = ref[10]?.[2] ?? new Float32Array(0);
    expect(Array.from(acc10)).toEqual(Array.from(s10));
    expect(acc9.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('random graphs with skips, sums and loops, over several seeds', async () => {
    for (let seed = 1; seed <= 6; seed++) {
      const r = createRng(seed, 'graph-shape');
      const width = 6 + Math.floor(r.next() * 6);
      const layers: Record<string, unknown>[] = [{ kind: 'input', name: 'in', shape: [width] }];
      const pops: string[] = [];
      for (let k = 0; k < 3; k++) {
        const from = pops.length > 0 && r.next() < 0.5 ? [pops[Math.floor(r.next() * pops.length)] as string] : undefined;
        layers.push({ kind: 'dense', name: `d${k}`, units: width, weightGain: 2.5, ...(from ? { inputs: from } : {}) });
        const loop = r.next() < 0.5 ? [{ from: `l${k}`, recurrent: true }] : [];
        const skip = pops.length > 0 && r.next() < 0.5 ? [pops[0] as string] : [];
        layers.push({ kind: 'spiking', name: `s${k}`, neuron: lif, inputs: [`d${k}`, ...skip, ...loop] });
        if (loop.length > 0) layers.push({ kind: 'dense', name: `l${k}`, units: width, weightGain: 1.5, inputs: [`s${k}`] });
        pops.push(`s${k}`);
      }
      // Every population feeds the read-out, so none is a dead end.
      layers.push({ kind: 'sum', name: 'all', inputs: pops });
      layers.push({ kind: 'readout', name: 'ro', mode: 'count' });
      await agree(layers, seed, 20, 0.35);
    }
  });
});
