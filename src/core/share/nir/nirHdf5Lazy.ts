import { quoteInput } from '../../format/inputText.ts';
import type { Dataset as H5wasmDataset, Group as H5wasmGroup } from 'h5wasm';
import { NirError } from './nirError.ts';
import type { H5Dataset, H5Group } from './nirHdf5Tree.ts';

/** The h5wasm classes this module tells apart (passed in: h5wasm is loaded on first use). */
export interface H5wasmClasses {
  readonly Group: typeof H5wasmGroup;
  readonly Dataset: typeof H5wasmDataset;
}

/** Largest dataset read from a NIR file (a 4096 × 4096 float32 weight matrix), from its header, before reading. */
export const MAX_NIR_DATASET_BYTES = 64 * 2 ** 20;
/** Most bytes read from all the datasets of one NIR file together. */
export const MAX_NIR_READ_BYTES = 128 * 2 ** 20;

/** A dataset's path holds the names of the graphs and node above it: quoted up to this many characters. */
const DATASET_PATH_CHARS = 240;

const mb = (n: number) => `${(n / 2 ** 20).toFixed(n < 2 ** 20 ? 3 : 0)} MB`;

/** Bytes read so far from one file, against MAX_NIR_READ_BYTES. */
interface ReadBudget {
  used: number;
}

/** One dataset's values as plain data; undefined for HDF5 types NIR does not use (enums, compounds). */
function readValues(d: H5wasmDataset, shape: readonly number[]): H5Dataset | undefined {
  const v = d.value;
  switch (d.metadata.type) {
    case 1: // H5T_FLOAT
      if (typeof v === 'number') return { kind: 'float', shape, values: new Float64Array([v]) };
      return v instanceof Float32Array || v instanceof Float64Array ? { kind: 'float', shape, values: v } : undefined;
    case 0: // H5T_INTEGER
      if (typeof v === 'number' || typeof v === 'bigint') return { kind: 'int', shape, values: [Number(v)] };
      return ArrayBuffer.isView(v) && !(v instanceof DataView) ? { kind: 'int', shape, values: Array.from(v as ArrayLike<number | bigint>, Number) } : undefined;
    case 3: // H5T_STRING
      if (typeof v === 'string') return { kind: 'string', shape, values: [v] };
      return Array.isArray(v) && v.every((s) => typeof s === 'string') ? { kind: 'string', shape, values: v as string[] } : undefined;
    default:
      return undefined;
  }
}

/**
 * Checks a dataset's size from its header (shape × element size) against the limits, then reads
 * it. Refused with NirError naming the file, the dataset's path (which holds the node's name),
 * its shape and bytes, and the limit: an HDF5 header can declare 20,000 × 20,000 values in a few
 * bytes of file (chunks never written read as the fill value), so nothing is read before this.
 */
function readChecked(d: H5wasmDataset, fileName: string, budget: ReadBudget): H5Dataset | undefined {
  const shape = d.shape ?? [];
  const element = d.metadata.size;
  const values = shape.reduce((a, n) => a * n, 1);
  const bytes = values * element;
  const subject = `${quoteInput(fileName)}: dataset '${quoteInput(d.path, DATASET_PATH_CHARS)}'`;
  const what = `${shape.length === 0 ? 'a scalar' : shape.join(' × ') + ' values'} of ${element} bytes (${mb(bytes)})`;
  if (bytes > MAX_NIR_DATASET_BYTES) throw new NirError(subject, `holds ${what}; a NIR dataset may hold at most ${mb(MAX_NIR_DATASET_BYTES)}`);
  if (budget.used + bytes > MAX_NIR_READ_BYTES) throw new NirError(subject, `holds ${what}, which takes the datasets read from this file past ${mb(MAX_NIR_READ_BYTES)} in all`);
  budget.used += bytes;
  return readValues(d, shape);
}

function lazyGroup(h5: H5wasmClasses, g: H5wasmGroup, fileName: string, budget: ReadBudget): H5Group {
  const keys = g.keys();
  // Entries are opened on first need: a group of 20,000 nodes is refused from its count alone.
  let opened: Map<string, ReturnType<H5wasmGroup['get']>> | undefined;
  const entries = () => (opened ??= new Map(keys.map((name) => [name, g.get(name)] as const)));
  const names = (cls: typeof H5wasmGroup | typeof H5wasmDataset) => [...entries()].filter(([, e]) => e instanceof cls).map(([n]) => n);
  const datasetOf = (name: string) => {
    const e = entries().get(name);
    return e instanceof h5.Dataset ? e : undefined;
  };
  return {
    entryCount: keys.length,
    get datasetNames() {
      return names(h5.Dataset);
    },
    get groupNames() {
      return names(h5.Group);
    },
    shape: (name) => datasetOf(name)?.shape ?? (datasetOf(name) ? [] : undefined),
    dataset: (name) => {
      const d = datasetOf(name);
      return d ? readChecked(d, fileName, budget) : undefined;
    },
    group: (name) => {
      const e = entries().get(name);
      return e instanceof h5.Group ? lazyGroup(h5, e, fileName, budget) : undefined;
    },
  };
}

/**
 * A file's root group read on demand: listing a group reads only names and headers; a dataset's
 * values are read, within MAX_NIR_DATASET_BYTES each and MAX_NIR_READ_BYTES in all, only when the
 * graph's reader asks for them. The h5wasm file must stay open while it is used.
 */
export function lazyRoot(h5: H5wasmClasses, file: H5wasmGroup, fileName: string): H5Group {
  return lazyGroup(h5, file, fileName, { used: 0 });
}
