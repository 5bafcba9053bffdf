import { describe, expect, it } from 'vitest';
import { craftHdf5, denseNir, nestedNir, selfContainingNir } from '../../../../test/support/craft/nirCraft.ts';
import { chainGraph } from '../../../../test/support/nirGraphs.ts';
import { nirChain } from './nirChain.ts';
import type { NirNode } from './nirGraph.ts';
import { nirFromHdf5Bytes } from './nirHdf5.ts';
import { NirError } from './nirError.ts';

const rssMb = () => process.memoryUsage().rss / 2 ** 20;

describe('NIR files that declare more than they hold', () => {
  it('reads a graph beside an unused 20,000 × 20,000 dataset without reading that dataset', async () => {
    for (const path of ['root', 'node', 'fc'] as const) {
      const bytes = await craftHdf5((root) => denseNir(root, { extra: { path, shape: [20_000, 20_000] } }));
      expect(bytes.length).toBeLessThan(2_000_000);
      const before = rssMb();
      const graph = await nirFromHdf5Bytes(bytes, `extra-${path}.nir`);
      // Reading the extra dataset would take 1.6 GB in the HDF5 heap and as much again in JavaScript (20,000² float32).
      expect(rssMb() - before).toBeLessThan(500);
      expect(Object.keys(graph.nodes)).toEqual(['fc', 'input', 'lif', 'output']);
    }
  });

  it('refuses a weight whose header declares 20,000 × 20,000 values before reading it, naming node, size and limit', async () => {
    const bytes = await craftHdf5((root) => denseNir(root, { weightShape: [20_000, 20_000] }));
    const e = await nirFromHdf5Bytes(bytes, 'huge.nir').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NirError);
    expect((e as Error).message).toBe("huge.nir: dataset '/node/nodes/fc/weight': holds 20000 × 20000 values of 4 bytes (1526 MB); a NIR dataset may hold at most 64 MB");
  });

  it('refuses graphs nested past the depth limit and a graph that contains itself through a soft link', async () => {
    const deep = await craftHdf5((root) => nestedNir(root, 40));
    await expect(nirFromHdf5Bytes(deep, 'deep.nir')).rejects.toThrow(/nested 17 deep; at most 16 levels of NIRGraph are read/);
    const ok = await craftHdf5((root) => nestedNir(root, 3));
    expect((await nirFromHdf5Bytes(ok, 'ok.nir')).nodes['g0']?.type).toBe('NIRGraph');
    const loop = await craftHdf5(selfContainingNir);
    // HDF5 itself stops after 16 soft links; either limit gives a clean refusal naming the file.
    await expect(nirFromHdf5Bytes(loop, 'loop.nir')).rejects.toThrow(/^loop\.nir: .*(Too many soft links|nested 17 deep)/);
  });
});

describe('NIR graphs of absurd length', () => {
  const x = (i: number): [string, NirNode] => [`n${i}`, { type: 'Unsupported', nirType: 'X' }];
  const long = (n: number) => chainGraph([['in', { type: 'Input', shape: [1] }], ...Array.from({ length: n }, (_, i) => x(i)), ['out', { type: 'Output', shape: [1] }]]);

  it('walks a chain of 100,000 nodes in linear time, without recursing on its length', () => {
    const g = long(100_000);
    // CPU time, not wall time: this machine is shared. 1.2 s here; the quadratic walk took minutes.
    const t0 = process.cpuUsage();
    expect(nirChain(g.nodes, g.edges).body).toHaveLength(100_000);
    const used = process.cpuUsage(t0);
    expect((used.user + used.system) / 1000).toBeLessThan(5_000);
  }, 60_000);

  it('refuses a loop through 100,000 nodes naming a few of them, not all', () => {
    const g = long(100_000);
    const e = (() => {
      try {
        nirChain(g.nodes, [...g.edges, ['n99999', 'n0']]);
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(NirError);
    expect((e as Error).message).toMatch(/^the graph is recurrent \(n0 → n1 → .* … and 99993 more\); Spikelab networks are feed-forward chains$/);
  }, 60_000);
});
