import type { Group as H5wasmGroup } from 'h5wasm';
import { DataFormatError, SpikelabError } from '../../errors.ts';
import { NirError } from './nirError.ts';
import { NIR_VERSION, type NirGraph } from './nirGraph.ts';
import { lazyRoot } from './nirHdf5Lazy.ts';
import { h5String, newGroup, type H5Dataset, type H5Group, type H5GroupBuilder } from './nirHdf5Tree.ts';
import { readGraphGroup, writeGraphInto } from './nirNodeCodec.ts';

/**
 * NIR graphs as HDF5 bytes, through h5wasm (the HDF5 C library in WebAssembly, inlined in its
 * package: it runs the same in Node, the page and workers, without files). The layout is NIR's:
 * a root string dataset `version` and a group `node` holding the top graph (nirNodeCodec.ts).
 * h5wasm's file system lives in memory: bytes are written into it, opened, and removed again.
 */

type H5wasm = typeof import('h5wasm');

/** h5wasm, loaded on first use: its 4 MB of WebAssembly stay out of the page's first bundle. */
async function loadH5wasm(): Promise<{ h5: H5wasm; fs: Awaited<H5wasm['ready']>['FS'] }> {
  const h5 = await import('h5wasm');
  const module = await h5.ready;
  // HDF5 prints its error stack to stderr by default; this handler throws it instead, so a bad
  // file becomes one error here and no noise on the console.
  module.activate_throwing_error_handler();
  return { h5, fs: module.FS };
}

/** The most specific line of an HDF5 error stack ("File has been truncated"), for messages. */
function hdf5Reason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const minors = [...text.matchAll(/minor: (.+)/g)].map((m) => (m[1] ?? '').trim());
  return minors[minors.length - 1] ?? text.split('\n')[0] ?? text;
}

/** Where the one file of an operation lives in h5wasm's memory file system while it is open. */
const SCRATCH = '/spikelab-nir.h5';
/** Tensors with at least this many values are gzip-compressed, as NIR's writer does by default. */
const COMPRESS_FROM = 256;

const HDF5_SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/** Whether the HDF5 signature is at byte 0 or after a user block (512, 1024, 2048, … bytes). */
function hasHdf5Signature(bytes: Uint8Array): boolean {
  for (let at = 0; at + 8 <= bytes.length; at = at === 0 ? 512 : at * 2) {
    if (HDF5_SIGNATURE.every((b, i) => bytes[at + i] === b)) return true;
  }
  return false;
}

function writeDataset(group: H5wasmGroup, name: string, d: H5Dataset): void {
  const shape = [...d.shape];
  if (d.kind === 'string') {
    group.create_dataset({ name, data: shape.length === 0 ? (d.values[0] ?? '') : [...d.values], shape });
  } else if (d.kind === 'int') {
    group.create_dataset({ name, data: BigInt64Array.from(d.values, (v) => BigInt(v)), shape });
  } else {
    const compress = d.values.length >= COMPRESS_FROM && shape.length > 0 && shape.every((n) => n > 0);
    group.create_dataset({ name, data: d.values, shape, ...(compress ? { chunks: shape, compression: 'gzip' as const } : {}) });
  }
}

function writeGroup(target: H5wasmGroup, source: H5GroupBuilder): void {
  for (const [name, d] of source.datasets) writeDataset(target, name, d);
  for (const [name, g] of source.groups) writeGroup(target.create_group(name), g);
}

/** Writes a NIR graph as the bytes of an HDF5 file that NIR's reference reader (nir.read) opens. */
export async function nirToHdf5Bytes(graph: NirGraph): Promise<Uint8Array> {
  const { h5, fs } = await loadH5wasm();
  const node = newGroup();
  writeGraphInto(node, graph.nodes, graph.edges, graph.metadata);
  const file = new h5.File(SCRATCH, 'w');
  try {
    writeDataset(file, 'version', h5String(graph.version || NIR_VERSION));
    writeGroup(file.create_group('node'), node);
  } finally {
    file.close();
  }
  try {
    return fs.readFile(SCRATCH).slice();
  } finally {
    fs.unlink(SCRATCH);
  }
}

/**
 * Reads the bytes of a NIR file. Bytes that are not HDF5 throw DataFormatError (with `fileName`);
 * an HDF5 file that is not a NIR graph, or a node without the fields its type needs, NirError.
 */
export async function nirFromHdf5Bytes(bytes: Uint8Array, fileName = 'NIR file'): Promise<NirGraph> {
  if (!hasHdf5Signature(bytes)) throw new DataFormatError(fileName, 'HDF5 signature', 0, 'not an HDF5 file (NIR files are HDF5 and start with the bytes \\x89HDF\\r\\n\\x1a\\n)');
  const { h5, fs } = await loadH5wasm();
  fs.writeFile(SCRATCH, bytes);
  try {
    const file = new h5.File(SCRATCH, 'r');
    try {
      // Read while the file is open: only the datasets the graph uses are read at all.
      return readGraphFile(lazyRoot(h5, file, fileName), fileName);
    } finally {
      file.close();
    }
  } catch (e) {
    if (e instanceof SpikelabError) throw e;
    throw new DataFormatError(fileName, 'HDF5 structure', 0, `the HDF5 library cannot read it (${hdf5Reason(e)}); the file may be truncated or damaged`);
  } finally {
    fs.unlink(SCRATCH);
  }
}

function readGraphFile(root: H5Group, fileName: string): NirGraph {
  const node = root.group('node');
  const type = node?.dataset('type');
  if (!node || type?.kind !== 'string' || type.values[0] !== 'NIRGraph') {
    throw new NirError(fileName, "is an HDF5 file but not a NIR graph (NIR files have a group 'node' whose type is 'NIRGraph')");
  }
  const version = root.dataset('version');
  return { version: version?.kind === 'string' ? (version.values[0] ?? '') : '', ...readGraphGroup(node, fileName) };
}
