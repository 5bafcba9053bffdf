import fc from 'fast-check';

const lif = { model: 'lif', threshold: 0.6, tauMemMs: 10 };

/** One step of building a random graph: what kind of node to add and where it reads from. */
interface Move {
  readonly kind: 'pop' | 'skipSum' | 'loop' | 'selfLoop' | 'lateRead' | 'relu' | 'acc' | 'delay';
  readonly pick: number;
  readonly units: number;
  readonly gain: number;
}

const moveArb: fc.Arbitrary<Move> = fc.record({
  kind: fc.constantFrom<Move['kind']>('pop', 'pop', 'skipSum', 'loop', 'selfLoop', 'lateRead', 'relu', 'acc', 'delay'),
  pick: fc.nat({ max: 1000 }),
  units: fc.integer({ min: 2, max: 9 }),
  gain: fc.double({ min: 0.5, max: 4, noNaN: true }),
});

/**
 * Random graphs that are valid by construction: dense → lif populations reading any earlier
 * population, skip connections summed into a population, recurrent loops (lif → dense → lif a
 * step late, a population onto itself, an earlier node read a step late), relu, windowed accumulators and
 * delays (per element, 0–3 steps) between them; every node read by the final sum, so
 * none is a dead end. Returns the `layers` list of a network spec.
 */
export const graphLayersArb: fc.Arbitrary<Record<string, unknown>[]> = fc
  .record({ width: fc.integer({ min: 2, max: 10 }), moves: fc.array(moveArb, { minLength: 1, maxLength: 6 }), window: fc.integer({ min: 1, max: 8 }) })
  .map(({ width, moves, window }) => {
    const layers: Record<string, unknown>[] = [{ kind: 'input', name: 'in', shape: [width] }];
    // Outputs by size, so sums join only equal shapes.
    const outs: { name: string; size: number }[] = [{ name: 'in', size: width }];
    const unread = new Set<string>();
    const read = (n: string) => unread.delete(n);
    moves.forEach((m, k) => {
      const src = outs[m.pick % outs.length] as { name: string; size: number };
      const d = `d${k}`;
      const s = `s${k}`;
      if (m.kind === 'relu' || m.kind === 'acc' || m.kind === 'delay') {
        const n = `${m.kind === 'relu' ? 'r' : m.kind === 'acc' ? 'a' : 't'}${k}`;
        const steps = Array.from({ length: src.size }, (_v, i) => (m.pick + i) % 4);
        layers.push(m.kind === 'relu' ? { kind: 'relu', name: n, inputs: [src.name] } : m.kind === 'acc' ? { kind: 'accumulator', name: n, window, inputs: [src.name] } : { kind: 'delay', name: n, steps, inputs: [src.name] });
        read(src.name);
        outs.push({ name: n, size: src.size });
        unread.add(n);
        return;
      }
      layers.push({ kind: 'dense', name: d, units: m.units, weightGain: m.gain, inputs: [src.name] });
      read(src.name);
      const inputs: unknown[] = [d];
      const same = outs.filter((o) => o.size === m.units && o.name !== 'in');
      if (m.kind === 'skipSum' && same.length > 0) {
        const skip = same[m.pick % same.length] as { name: string };
        inputs.push(skip.name);
        read(skip.name);
      }
      if (m.kind === 'loop') inputs.push({ from: `l${k}`, recurrent: true });
      // A population's own spikes back as current, and a read of an earlier node's previous step:
      // both need the engine to keep last step's output, since that node has already stepped.
      if (m.kind === 'selfLoop') inputs.push({ from: s, recurrent: true });
      if (m.kind === 'lateRead' && same.length > 0) inputs.push({ from: (same[m.pick % same.length] as { name: string }).name, recurrent: true });
      layers.push({ kind: 'spiking', name: s, neuron: lif, inputs });
      if (m.kind === 'loop') layers.push({ kind: 'dense', name: `l${k}`, units: m.units, weightGain: m.gain / 2, inputs: [s] });
      outs.push({ name: s, size: m.units });
      unread.add(s);
    });
    // Every node nobody reads goes through its own dense into one last population.
    const tails = [...unread];
    const joins = tails.map((n, i) => ({ kind: 'dense', name: `j${i}`, units: 3, weightGain: 2, inputs: [n] }));
    layers.push(...joins);
    layers.push(joins.length > 1 ? { kind: 'sum', name: 'join', inputs: joins.map((j) => j.name) } : { kind: 'identity', name: 'join', inputs: [joins[0]?.name ?? 'in'] });
    layers.push({ kind: 'spiking', name: 'out', neuron: lif });
    return layers;
  });
