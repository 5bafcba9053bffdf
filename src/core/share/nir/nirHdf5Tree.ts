/**
 * The HDF5 content of a NIR file as plain values, independent of the HDF5 library: groups of
 * groups and datasets. Numbers keep their array type (float32 weights stay float32); integers are
 * plain numbers (HDF5 int64 arrives as BigInt); strings are strings. Groups are read on demand, so
 * only what the graph uses is ever read (a file may carry anything else, of any size).
 */

/** One dataset: a float or integer array, or strings, with its shape ([] for a scalar). */
export type H5Dataset =
  | { readonly kind: 'float'; readonly shape: readonly number[]; readonly values: Float32Array | Float64Array }
  | { readonly kind: 'int'; readonly shape: readonly number[]; readonly values: readonly number[] }
  | { readonly kind: 'string'; readonly shape: readonly number[]; readonly values: readonly string[] };

/** A group as read: names first; a dataset's values and a subgroup are read when asked for. */
export interface H5Group {
  /** How many entries (groups, datasets, links) the group holds, from its index alone: a count checked before any is opened. */
  readonly entryCount: number;
  readonly datasetNames: readonly string[];
  readonly groupNames: readonly string[];
  /** A dataset's shape from its header ([] for a scalar), without reading its values. */
  shape(name: string): readonly number[] | undefined;
  /** A dataset's values, read now; undefined when absent or of a type NIR does not use. */
  dataset(name: string): H5Dataset | undefined;
  group(name: string): H5Group | undefined;
}

/** A group under construction. */
export interface H5GroupBuilder {
  readonly datasets: Map<string, H5Dataset>;
  readonly groups: Map<string, H5GroupBuilder>;
}

/** An empty group to fill. */
export function newGroup(): H5GroupBuilder {
  return { datasets: new Map(), groups: new Map() };
}

/** A scalar string dataset. */
export const h5String = (value: string): H5Dataset => ({ kind: 'string', shape: [], values: [value] });
/** An integer dataset: a scalar when `shape` is [], else an array. */
export const h5Ints = (values: readonly number[], shape: readonly number[] = [values.length]): H5Dataset => ({ kind: 'int', shape, values });
/** A scalar float64 dataset. */
export const h5Number = (value: number): H5Dataset => ({ kind: 'float', shape: [], values: new Float64Array([value]) });
