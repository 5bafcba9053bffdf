import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { beforeAll, describe, expect } from 'vitest';
import { kernelBytes } from '../../src/cli/kernelFile.ts';
import { createEventEngine } from '../../src/core/engine/event/eventEngine.ts';
import { createEngine } from '../../src/core/engine/index.ts';
import { wasmUnsupportedReason } from '../../src/core/engine/wasm/wasmPlan.ts';
import { compileNetwork } from '../../src/core/network/compile.ts';
import { shapeSize } from '../../src/core/network/shapes.ts';
import { createRng } from '../../src/core/rng.ts';
import { networkSchema } from '../../src/core/spec/network.ts';
import { graphLayersArb } from '../support/property/graphArb.ts';
import { PROPERTY_SEED, runs } from '../support/property/propertyRuns.ts';

let kernel: Uint8Array;
beforeAll(async () => {
  kernel = await kernelBytes();
}, 120_000);

/** The random graphs of graphs.property.test.ts without the node kinds the kernel leaves to the event engine (relu, accumulator, delay). */
const LEFT_TO_EVENTS: ReadonlySet<unknown> = new Set(['relu', 'accumulator', 'delay', 'scale']);
const kernelGraphs = graphLayersArb.filter((layers) => layers.every((l) => !LEFT_TO_EVENTS.has(l['kind'])));

describe('graphs on the wasm kernel (property)', () => {
  test.prop([kernelGraphs, fc.nat({ max: 1000 }), fc.integer({ min: 1, max: 3 })], { seed: PROPERTY_SEED, numRuns: runs(40) })(
    'the wasm engine gives the event engine’s spike trains on any graph of skips, sums and loops (into itself, through a dense node, from an earlier node)',
    async (layers, seed, batch) => {
      const net = compileNetwork(networkSchema.parse({ layers }), undefined, seed);
      expect(wasmUnsupportedReason(net, 1)).toBeUndefined();
      const n = shapeSize(net.shapes[0] ?? [1]);
      const r = createRng(seed, 'wasm-graph-property');
      const steps = 15;
      const input = { steps, batch, neurons: n, values: new Float32Array(steps * batch * n).map(() => (r.next() < 0.4 ? 1 : 0)) };
      const ref = await createEventEngine().simulate(net, input, { dtMs: 1 });
      const got = await (await createEngine('wasm', { kernel })).simulate(net, input, { dtMs: 1 });
      ref.layers.forEach((l, i) => {
        expect(got.layers[i]?.spikeCount, l.name).toBe(l.spikeCount);
        l.spikes.forEach((s, b) => {
          expect(got.layers[i]?.spikes[b]?.times, `${l.name} sample ${b}`).toEqual(s.times);
          expect(got.layers[i]?.spikes[b]?.ids, `${l.name} sample ${b}`).toEqual(s.ids);
        });
      });
    },
  );
});
