import { describe, expect, it } from 'vitest';
import { DataFormatError } from '../../errors.ts';
import { chainGraph, full, randomTensor, tensor } from '../../../../test/support/nirGraphs.ts';
import { NirError } from './nirError.ts';
import type { NirGraph } from './nirGraph.ts';
import { nirFromHdf5Bytes, nirToHdf5Bytes } from './nirHdf5.ts';

const graph: NirGraph = chainGraph(
  [
    ['in', { type: 'Input', shape: [2, 8, 8] }],
    ['conv', { type: 'Conv2d', weight: randomTensor([4, 2, 3, 3], 0.5, 1), bias: full([4], 0), stride: [2, 2], padding: 'same', dilation: [1, 1], groups: 1, inputShape: [8, 8] }],
    ['spk', { type: 'IF', r: full([4, 4, 4], 1), vThreshold: full([4, 4, 4], 1), vReset: full([4, 4, 4], 0), metadata: { note: 'kept', count: 3 } }],
    ['pool', { type: 'SumPool2d', kernelSize: [2, 2], stride: [2, 2], padding: [0, 0] }],
    ['flat', { type: 'Flatten', startDim: 0, endDim: -1, inputType: [4, 2, 2] }],
    ['fc', { type: 'Affine', weight: randomTensor([3, 16], 0.5, 2), bias: tensor([3], [0.1, 0, -0.1]) }],
    ['cuba', { type: 'CubaLIF', tauSyn: full([3], 2e-3), tauMem: full([3], 1e-2), r: full([3], 10), vLeak: full([3], 0), vThreshold: full([3], 1), vReset: full([3], 0), wIn: full([3], 2) }],
    ['li', { type: 'LI', tau: full([3], 0.02), r: full([3], 1), vLeak: full([3], 0) }],
    ['gain', { type: 'Scale', scale: tensor([3], [2, -1, 0.5]) }],
    ['late', { type: 'Delay', delay: tensor([3], [0, 0.001, 0.003]) }],
    ['cli', { type: 'CubaLI', tauSyn: full([3], 2e-3), tauMem: full([3], 1e-2), r: full([3], 10), vLeak: full([3], 0), wIn: full([3], 2) }],
    ['out', { type: 'Output', shape: [3] }],
  ],
  { spikelab_dt_ms: 0.5, author: 'test' },
);

/** Tensors as plain arrays, so that toEqual compares values and not array types. */
function plain(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

describe('NIR as HDF5 bytes', () => {
  it('a graph read back from its bytes equals the graph written: every field, metadata, edges, version', async () => {
    const bytes = await nirToHdf5Bytes(graph);
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x48, 0x44, 0x46]);
    const back = await nirFromHdf5Bytes(bytes);
    expect(plain(back)).toEqual(plain(graph));
  });

  it('keeps float32 weights float32, bit for bit', async () => {
    const back = await nirFromHdf5Bytes(await nirToHdf5Bytes(graph));
    const fc = back.nodes['fc'];
    expect(fc?.type === 'Affine' && fc.weight.values).toBeInstanceOf(Float32Array);
    expect(fc?.type === 'Affine' && [...fc.weight.values]).toEqual([...(graph.nodes['fc']?.type === 'Affine' ? graph.nodes['fc'].weight.values : [])]);
  });

  it('refuses bytes that are not HDF5 with a DataFormatError at byte 0', async () => {
    const text = new TextEncoder().encode('{"schemaVersion": 1}');
    await expect(nirFromHdf5Bytes(text, 'model.nir')).rejects.toThrow(DataFormatError);
    await expect(nirFromHdf5Bytes(text, 'model.nir')).rejects.toThrow(/^model\.nir: HDF5 signature at byte 0: not an HDF5 file/);
    await expect(nirFromHdf5Bytes(new Uint8Array(0), 'empty.nir')).rejects.toThrow(/not an HDF5 file/);
  });

  it('refuses a truncated file with a DataFormatError that says so', async () => {
    const bytes = await nirToHdf5Bytes(graph);
    await expect(nirFromHdf5Bytes(bytes.subarray(0, 600), 'cut.nir')).rejects.toThrow(/cut\.nir: HDF5 structure at byte 0: the HDF5 library cannot read it \(File has been truncated\)/);
  });

  it('refuses an HDF5 file that is not a NIR graph with a NirError', async () => {
    const bytes = await handWritten((f) => f.create_dataset({ name: 'data', data: new Float32Array([1, 2, 3]) }));
    await expect(nirFromHdf5Bytes(bytes, 'data.h5')).rejects.toThrow(NirError);
    await expect(nirFromHdf5Bytes(bytes, 'data.h5')).rejects.toThrow(/data\.h5: is an HDF5 file but not a NIR graph/);
  });

  it('names the node and the dataset when a node lacks a field its type needs, and keeps unknown types by name', async () => {
    const bytes = await handWritten((f) => {
      f.create_dataset({ name: 'version', data: '1.0.7' });
      const node = f.create_group('node');
      node.create_dataset({ name: 'type', data: 'NIRGraph' });
      node.create_dataset({ name: 'edges', data: ['in', 'lif'], shape: [1, 2] });
      const nodes = node.create_group('nodes');
      const lif = nodes.create_group('lif');
      lif.create_dataset({ name: 'type', data: 'LIF' });
      lif.create_dataset({ name: 'tau', data: new Float64Array([0.01]) });
      // A type Spikelab does not model (a Braid of a later NIR) is kept by name, not read.
      const braid = nodes.create_group('in');
      braid.create_dataset({ name: 'type', data: 'Braid' });
    });
    await expect(nirFromHdf5Bytes(bytes, 'bad.nir')).rejects.toThrow(/bad\.nir node 'lif' \(LIF\): has no dataset 'v_threshold'/);
  });
});

/** An HDF5 file written directly with h5wasm, as another tool might write it. */
async function handWritten(fill: (f: import('h5wasm').File) => void): Promise<Uint8Array> {
  const h5 = await import('h5wasm');
  const { FS } = await h5.ready;
  const f = new h5.File('/hand-written.h5', 'w');
  fill(f);
  f.close();
  const bytes = FS.readFile('/hand-written.h5');
  FS.unlink('/hand-written.h5');
  return bytes;
}
