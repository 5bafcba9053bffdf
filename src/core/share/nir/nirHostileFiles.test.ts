import { describe, expect, it } from 'vitest';
import { craftHdf5, denseNir, longChainNir, nestedNir, selfContainingNir } from '../../../../test/support/craft/nirCraft.ts';
import { chainGraph, full, tensor } from '../../../../test/support/nirGraphs.ts';
import { nirFlow } from './nirFlow.ts';
import type { NirGraph, NirNode } from './nirGraph.ts';
import { nirFromHdf5Bytes, nirToHdf5Bytes } from './nirHdf5.ts';
import { MAX_NIR_GRAPH_DEPTH, MAX_NIR_NODES } from './nirLimits.ts';
import { nirToNetwork } from './nirToNetwork.ts';
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

describe('NIR graphs of absurd length or depth', () => {
  const x = (i: number): [string, NirNode] => [`n${i}`, { type: 'Unsupported', nirType: 'X' }];
  const long = (n: number) => chainGraph([['in', { type: 'Input', shape: [1] }], ...Array.from({ length: n }, (_, i) => x(i)), ['out', { type: 'Output', shape: [1] }]]);
  const cpuMs = (run: () => void) => {
    const t0 = process.cpuUsage();
    run();
    const used = process.cpuUsage(t0);
    return (used.user + used.system) / 1000;
  };
  /** A chain Input → graph → Output whose graph holds a graph … `depth` levels of NIRGraph. */
  const nested = (depth: number): NirGraph => {
    let inner: NirNode = { type: 'NIRGraph', nodes: { input: { type: 'Input', shape: [1] }, output: { type: 'Output', shape: [1] } }, edges: [['input', 'output']] };
    for (let d = 1; d < depth; d++) inner = { type: 'NIRGraph', nodes: { input: { type: 'Input', shape: [1] }, g: inner, output: { type: 'Output', shape: [1] } }, edges: [['input', 'g'], ['g', 'output']] };
    return chainGraph([['in', { type: 'Input', shape: [1] }], ['g', inner], ['out', { type: 'Output', shape: [1] }]]);
  };

  it('walks a chain of MAX_NIR_NODES nodes in linear time, without recursing on its length', () => {
    const g = long(MAX_NIR_NODES - 2);
    // CPU time, not wall time: this machine is shared. ~50 ms here; the quadratic walk took minutes.
    expect(cpuMs(() => expect(nirFlow(g.nodes, g.edges).body).toHaveLength(MAX_NIR_NODES - 2))).toBeLessThan(2_000);
  });

  it('refuses a chain of 20,000 nodes by its count before walking it (it crashed, then took 80 s)', () => {
    const g = long(20_000);
    expect(cpuMs(() => expect(() => nirFlow(g.nodes, g.edges)).toThrow(/^the graph has more than 4096 nodes \(20002 counted so far, nested graphs included\); at most 4096 are read/))).toBeLessThan(2_000);
  });

  it('refuses graphs nested 250 deep before inlining them, naming the nested graph', () => {
    const g = nested(250);
    expect(cpuMs(() => expect(() => nirFlow(g.nodes, g.edges)).toThrow(/^NIR node 'g\.g\.g.*' \(NIRGraph\): is a graph nested 17 deep; at most 16 levels of NIRGraph are read$/))).toBeLessThan(2_000);
    const ok = nested(MAX_NIR_GRAPH_DEPTH);
    expect(() => nirFlow(ok.nodes, ok.edges)).not.toThrow(/nested/);
  });

  it('orders a loop through 4,000 nodes in linear time, its closing edge read a step late', () => {
    const g = long(4_000);
    let flow: ReturnType<typeof nirFlow> | undefined;
    expect(cpuMs(() => (flow = nirFlow(g.nodes, [...g.edges, ['n3999', 'n0']])))).toBeLessThan(2_000);
    expect(flow?.body[0]).toMatchObject({ name: 'n0', preds: [{ name: 'in', recurrent: false }, { name: 'n3999', recurrent: true }] });
    expect(flow?.body[3999]?.name).toBe('n3999');
  });

  it('refuses a NIR file of 4,200 nodes from the count in its index, before reading a node', async () => {
    const bytes = await craftHdf5((root) => longChainNir(root, 4_200));
    const t0 = process.cpuUsage();
    await expect(nirFromHdf5Bytes(bytes, 'long.nir')).rejects.toThrow(/^long\.nir: the graph has more than 4096 nodes \(4202 counted so far/);
    const used = process.cpuUsage(t0);
    expect((used.user + used.system) / 1000).toBeLessThan(3_000);
  }, 120_000);
});

describe('NIR files with NaN or Infinity in weights or neuron parameters', () => {
  const ifNode = (threshold: number): NirNode => ({ type: 'IF', r: full([2], 1), vThreshold: tensor([2], [1, threshold]), vReset: full([2], 0) });
  const graph = (weight: readonly number[], threshold = 1) => chainGraph([['input', { type: 'Input', shape: [2] }], ['fc', { type: 'Linear', weight: tensor([2, 2], weight) }], ['spk', ifNode(threshold)], ['output', { type: 'Output', shape: [2] }]]);

  it.each([
    ['a NaN weight', graph([1, 0, NaN, 1]), /^bad\.nir node 'fc' \(Linear\): 'weight' holds NaN at index 2 \(of shape \[2, 2\]\); NIR weights and parameters must be finite numbers$/],
    ['an infinite weight', graph([1, -Infinity, 0, 1]), /node 'fc' \(Linear\): 'weight' holds -Infinity at index 1 \(of shape \[2, 2\]\)/],
    ['an infinite threshold', graph([1, 0, 0, 1], Infinity), /node 'spk' \(IF\): 'v_threshold' holds Infinity at index 1 \(of shape \[2\]\)/],
  ])('refuses %s naming the file, the node, the dataset and the index', async (_what, g, message) => {
    const bytes = await nirToHdf5Bytes(g);
    await expect(nirFromHdf5Bytes(bytes, 'bad.nir')).rejects.toThrow(message);
    await expect(nirFromHdf5Bytes(bytes, 'bad.nir')).rejects.toThrow(/^bad\.nir node 'fc'|^bad\.nir node 'spk'/);
  });

  it('reads the same graph with finite values', async () => {
    const read = await nirFromHdf5Bytes(await nirToHdf5Bytes(graph([1, 0, 0, 1])), 'good.nir');
    expect(nirToNetwork(read).network.layers.map((l) => l.kind)).toEqual(['input', 'dense', 'spiking']);
  });
});

describe('NIR node and metadata names that are Object.prototype keys', () => {
  it('imports a node named __proto__ (and one named constructor) like any other, polluting nothing', async () => {
    const ifNode: NirNode = { type: 'IF', r: full([2], 1), vThreshold: full([2], 1), vReset: full([2], 0) };
    const graph = chainGraph([['input', { type: 'Input', shape: [2] }], ['__proto__', { type: 'Linear', weight: tensor([2, 2], [1, 0, 0, 1]) }], ['constructor', ifNode], ['output', { type: 'Output', shape: [2] }]]);
    const read = await nirFromHdf5Bytes(await nirToHdf5Bytes(graph), 'proto.nir');
    expect(Object.keys(read.nodes).sort()).toEqual(['__proto__', 'constructor', 'input', 'output']);
    const imp = nirToNetwork(read);
    expect(imp.network.layers.map((l) => l.kind)).toEqual(['input', 'dense', 'spiking']);
    expect(({} as Record<string, unknown>)['type']).toBeUndefined();
  });
});
