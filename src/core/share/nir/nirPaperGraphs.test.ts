import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEventEngine } from '../../engine/event/eventEngine.ts';
import type { SimulationResult } from '../../engine/types.ts';
import { compileNetwork } from '../../network/compile.ts';
import { inferShapes, shapeSize } from '../../network/shapes.ts';
import type { NetworkWeights } from '../../network/weights.ts';
import { createRng } from '../../rng.ts';
import { networkToNir } from './networkToNir.ts';
import { nirFromHdf5Bytes, nirToHdf5Bytes } from './nirHdf5.ts';
import { nirToNetwork, type NirImport, type NirImportOptions } from './nirToNetwork.ts';

/** The three graphs of the NIR paper (BSD-3-Clause; provenance in test/fixtures/nir/README.md). */
const FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures', 'nir');
const load = async (name: string, options: NirImportOptions = {}) => nirToNetwork(await nirFromHdf5Bytes(new Uint8Array(readFileSync(join(FIXTURES, name))), name), options);

/** Weights as plain data, so that toEqual compares every value. */
const plain = (w: NetworkWeights) => Object.fromEntries(Object.entries(w).map(([k, v]) => [k, { shape: [...v.shape], values: [...v.values] }]));

/** Seeded sparse binary input (about `rate` of the inputs spike each step). */
function spikes(imp: NirImport, steps: number, rate: number): Float32Array {
  const n = shapeSize(inferShapes(imp.network).shapes[0] ?? [1]);
  const rng = createRng(19, 'nir-paper-input');
  return Float32Array.from({ length: steps * n }, () => (rng.next() < rate ? 1 : 0));
}

function run(imp: NirImport, input: Float32Array, steps: number): Promise<SimulationResult> {
  const net = compileNetwork(imp.network, imp.weights, 1);
  return createEventEngine().simulate(net, { steps, batch: 1, neurons: input.length / steps, values: input }, { dtMs: imp.dtMs });
}

const trains = (r: SimulationResult) => r.layers.map((l) => ({ name: l.name, count: l.spikeCount, times: l.spikes.map((s) => [...s.times]) }));

/** Export → HDF5 bytes → import gives the same graph, the same weights and the same spikes. */
async function roundTrip(imp: NirImport, steps: number, rate: number): Promise<SimulationResult> {
  const { graph } = networkToNir(imp.network, imp.weights, imp.dtMs);
  const back = nirToNetwork(await nirFromHdf5Bytes(await nirToHdf5Bytes(graph), 'back.nir'));
  expect(back.network).toEqual(imp.network);
  expect(plain(back.weights)).toEqual(plain(imp.weights));
  expect(back.dtMs).toBe(imp.dtMs);
  const input = spikes(imp, steps, rate);
  const a = await run(imp, input, steps);
  const b = await run(back, input, steps);
  expect(trains(b)).toEqual(trains(a));
  return a;
}

describe('the three graphs of the NIR paper', () => {
  it('Sinabs’s N-MNIST CNN (cnn_sinabs.nir): explicit padding (1, 1) with kernel 5 and stride 2, sum pools, IF resetting by subtraction', async () => {
    const imp = await load('cnn_sinabs.nir', { reset: 'subtract' });
    const layers = imp.network.layers;
    expect(layers.map((l) => l.kind)).toEqual(['input', 'conv2d', 'spiking', 'conv2d', 'spiking', 'pool2d', 'conv2d', 'spiking', 'pool2d', 'flatten', 'dense', 'spiking', 'dense', 'spiking']);
    expect(layers[0]).toMatchObject({ shape: [34, 34, 2] });
    expect(layers[1]).toMatchObject({ kind: 'conv2d', filters: 16, kernel: 5, stride: 2, padding: [1, 1, 1, 1] });
    expect(inferShapes(imp.network).shapes.map((s) => s.join('x'))).toEqual(['34x34x2', '16x16x16', '16x16x16', '16x16x16', '16x16x16', '8x8x16', '8x8x8', '8x8x8', '4x4x8', '128', '256', '256', '10', '10']);
    const r = await roundTrip(imp, 40, 0.3);
    for (const name of ['if_1', 'if_12']) expect(r.layers.find((l) => l.name === name)?.spikeCount ?? 0).toBeGreaterThan(0);
  });

  for (const file of ['braille_noDelay_bias_zero.nir', 'braille_noDelay_noBias_subtract.nir']) {
    it(`snnTorch’s recurrent Braille reader (${file}): the subgraph's loop lif1.lif → lif1.w_rec → lif1.lif is a recurrent input`, async () => {
      const imp = await load(file);
      const layers = imp.network.layers;
      const lif = layers.find((l) => l.name === 'lif1_lif');
      const inputs = lif && 'inputs' in lif ? lif.inputs : [];
      expect(inputs).toHaveLength(2);
      expect(inputs).toEqual(expect.arrayContaining(['fc1', { from: 'lif1_w_rec', recurrent: true }]));
      expect(layers.map((l) => l.kind)).toEqual(['input', 'dense', 'spiking', 'dense', 'dense', 'spiking']);
      expect(layers[layers.length - 1]?.name).toBe('lif2');
      const r = await roundTrip(imp, 60, 0.2);
        expect(r.layers.find((l) => l.name === 'lif1_lif')?.spikeCount ?? 0).toBeGreaterThan(0);
    });
  }
});
