import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { createEventEngine } from '../../src/core/engine/event/eventEngine.ts';
import { SpecError } from '../../src/core/errors.ts';
import { compileNetwork } from '../../src/core/network/compile.ts';
import { inferShapes, shapeSize } from '../../src/core/network/shapes.ts';
import { createRng } from '../../src/core/rng.ts';
import { networkSchema } from '../../src/core/spec/network.ts';
import { runGraphReference } from '../support/graphReference.ts';
import { graphLayersArb } from '../support/property/graphArb.ts';
import { PROPERTY_SEED, runs } from '../support/property/propertyRuns.ts';

describe('networks as graphs (property)', () => {
  test.prop([graphLayersArb, fc.nat({ max: 1000 })], { seed: PROPERTY_SEED, numRuns: runs(40) })(
    'the event engine gives the naive reference’s spikes on any graph of skips, sums, loops, relus and accumulators',
    async (layers, seed) => {
      const spec = networkSchema.parse({ layers });
      expect(inferShapes(spec).issues).toEqual([]);
      const net = compileNetwork(spec, undefined, seed);
      const n = shapeSize(net.shapes[0] ?? [1]);
      const r = createRng(seed, 'graph-property');
      const steps = 12;
      const frames = Array.from({ length: steps }, () => new Float32Array(n).map(() => (r.next() < 0.4 ? 1 : 0)));
      const values = new Float32Array(steps * n);
      frames.forEach((f, t) => values.set(f, t * n));
      const res = await createEventEngine().simulate(net, { steps, batch: 1, neurons: n, values }, { dtMs: 1 });
      const ref = runGraphReference(spec, net.weights, frames, 1);
      spec.layers.forEach((l, i) => {
        if (l.kind !== 'spiking') return;
        const want = ref.reduce((a, outs) => a + Array.from(outs[i] ?? []).reduce((b, v) => b + v, 0), 0);
        expect(res.layers.find((x) => x.name === l.name)?.spikeCount, l.name).toBe(want);
      });
    },
  );

  test.prop([graphLayersArb, fc.array(fc.record({ at: fc.nat(), to: fc.constantFrom('in', 'nope', 'out', 's0', 'd0', 'join'), recurrent: fc.boolean() }), { minLength: 1, maxLength: 3 })], {
    seed: PROPERTY_SEED,
    numRuns: runs(200),
  })('rewired inputs give a graph that compiles or a SpecError naming a node, never a crash', (layers, rewires) => {
    const edited = layers.map((l) => ({ ...l }));
    for (const w of rewires) {
      const i = 1 + (w.at % (edited.length - 1));
      const node = edited[i] as Record<string, unknown>;
      node['inputs'] = [w.recurrent ? { from: w.to, recurrent: true } : w.to];
      if (node['kind'] === 'sum') node['inputs'] = [w.to, w.to];
    }
    const spec = networkSchema.parse({ layers: edited });
    try {
      compileNetwork(spec, undefined, 1);
    } catch (e) {
      expect(e).toBeInstanceOf(SpecError);
      const issues = (e as SpecError).issues;
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues) expect(issue.path).toMatch(/^network\.layers\[\d+\]/);
    }
  });
});
