import type { Group } from 'h5wasm';

/**
 * NIR (HDF5) files written node by node with h5wasm, so a test or the probe can declare what no
 * honest writer would: a 20,000 × 20,000 dataset that costs a few hundred bytes of file (a
 * resizable, chunked dataset grown after writing one value: chunks never written are not stored
 * and read as the fill value), graphs nested 100 deep, links that make a graph contain itself.
 */

type H5 = typeof import('h5wasm');

const SCRATCH = '/spikelab-craft.h5';

/** Builds an HDF5 file by calling `fill` on its root group, and returns its bytes. */
export async function craftHdf5(fill: (root: Group, h5: H5) => void): Promise<Uint8Array> {
  const h5 = await import('h5wasm');
  const { FS } = await h5.ready;
  const file = new h5.File(SCRATCH, 'w');
  try {
    fill(file, h5);
  } finally {
    file.close();
  }
  try {
    return FS.readFile(SCRATCH).slice();
  } finally {
    FS.unlink(SCRATCH);
  }
}

/** A float32 dataset whose header declares `shape` while the file stores (nearly) nothing. */
export function declaredDataset(g: Group, name: string, shape: readonly number[]): void {
  const one = shape.map(() => 1);
  g.create_dataset({ name, data: new Float32Array(1), shape: one, maxshape: shape.map(() => null), chunks: shape.map((n) => Math.min(n, 256)), dtype: '<f' });
  const d = g.get(name);
  if (!d || !('resize' in d)) throw new Error(`cannot resize ${name}`);
  (d as { resize(s: number[]): void }).resize([...shape]);
}

const str = (g: Group, name: string, value: string) => g.create_dataset({ name, data: value });
const floats = (g: Group, name: string, values: readonly number[], shape = [values.length]) => g.create_dataset({ name, data: Float32Array.from(values), shape });

/** Options of denseNir: a declared (huge) weight, and an extra dataset nothing reads. */
export interface DenseNirOptions {
  readonly weightShape?: readonly number[];
  readonly extra?: { readonly path: 'root' | 'node' | 'fc'; readonly shape: readonly number[] };
}

/** A NIR graph Input(2) → Affine(2 → 2) → LIF(2) → Output(2), as NIR's reference writer lays it out. */
export function denseNir(root: Group, opts: DenseNirOptions = {}): void {
  str(root, 'version', '0.5.0');
  const node = root.create_group('node');
  str(node, 'type', 'NIRGraph');
  const nodes = node.create_group('nodes');
  const input = nodes.create_group('input');
  str(input, 'type', 'Input');
  input.create_dataset({ name: 'shape', data: BigInt64Array.from([2n]), shape: [1] });
  const fc = nodes.create_group('fc');
  str(fc, 'type', 'Affine');
  if (opts.weightShape) declaredDataset(fc, 'weight', opts.weightShape);
  else floats(fc, 'weight', [0.5, 0.1, 0.2, 0.7], [2, 2]);
  floats(fc, 'bias', [0, 0]);
  const lif = nodes.create_group('lif');
  str(lif, 'type', 'LIF');
  for (const [k, v] of [['tau', 0.02], ['r', 1], ['v_leak', 0], ['v_threshold', 1], ['v_reset', 0]] as const) floats(lif, k, [v, v]);
  const output = nodes.create_group('output');
  str(output, 'type', 'Output');
  output.create_dataset({ name: 'shape', data: BigInt64Array.from([2n]), shape: [1] });
  node.create_dataset({ name: 'edges', data: ['input', 'fc', 'fc', 'lif', 'lif', 'output'], shape: [3, 2] });
  if (opts.extra) declaredDataset(opts.extra.path === 'root' ? root : opts.extra.path === 'node' ? node : fc, 'extra', opts.extra.shape);
}

/** A NIR file whose graph holds a graph holding a graph … `depth` levels of NIRGraph. */
export function nestedNir(root: Group, depth: number): void {
  str(root, 'version', '0.5.0');
  let g = root.create_group('node');
  for (let i = 0; i < depth; i++) {
    str(g, 'type', 'NIRGraph');
    g.create_dataset({ name: 'edges', data: [], shape: [0, 2], dtype: 'S1' });
    g = g.create_group('nodes').create_group(`g${i}`);
  }
  str(g, 'type', 'NIRGraph');
  g.create_group('nodes');
}

/** A NIR file whose graph's only node is a soft link back to the graph itself. */
export function selfContainingNir(root: Group): void {
  str(root, 'version', '0.5.0');
  const node = root.create_group('node');
  str(node, 'type', 'NIRGraph');
  node.create_group('nodes').create_soft_link('/node', 'loop');
}

/** A NIR file whose graph is a chain Input → `n` nodes of an unknown type → Output (only names and types). */
export function longChainNir(root: Group, n: number): void {
  str(root, 'version', '0.5.0');
  const node = root.create_group('node');
  str(node, 'type', 'NIRGraph');
  const nodes = node.create_group('nodes');
  const names = ['input', ...Array.from({ length: n }, (_, i) => `n${i}`), 'output'];
  for (const [i, name] of names.entries()) str(nodes.create_group(name), 'type', i === 0 ? 'Input' : i === names.length - 1 ? 'Output' : 'X');
  const edges = names.slice(1).flatMap((b, i) => [names[i] as string, b]);
  node.create_dataset({ name: 'edges', data: edges, shape: [names.length - 1, 2] });
}
