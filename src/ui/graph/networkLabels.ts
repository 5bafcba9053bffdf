import { isRecurrentRef, refName, resolveGraph } from '../../core/network/graph.ts';
import type { LayerSpec, NetworkSpec } from '../../core/spec/network.ts';

/**
 * The inputs of node `index` as the layer list shows them, e.g. "← fc, rec (t−1)": forward sources
 * by name, recurrent ones marked a step late. Undefined for the input node, and for every node of a
 * plain chain, where each node reads the one above it and saying so would only add noise.
 */
export function nodeInputsLabel(net: NetworkSpec, index: number): string | undefined {
  const node = net.layers[index];
  if (!node || node.kind === 'input') return undefined;
  const { graph } = resolveGraph(net);
  if (graph.isChain) return undefined;
  const refs = 'inputs' in node && node.inputs ? node.inputs : [net.layers[index - 1]?.name ?? '?'];
  return `← ${refs.map((r) => (isRecurrentRef(r) ? `${refName(r)} (t−1)` : refName(r))).join(', ')}`;
}

const pairText = (v: number | readonly [number, number]): string => (typeof v === 'number' ? `${v}×${v}` : `${v[0]}×${v[1]}`);
const sideText = (v: number | readonly [number, number]): string => (typeof v === 'number' ? String(v) : `${v[0]}×${v[1]}`);

/** One line per kind of node the panel shows without fields of its own: what it computes. */
const SUMMARIES: { readonly [K in LayerSpec['kind']]?: (l: Extract<LayerSpec, { kind: K }>) => string } = {
  input: (l) => `${l.shape.join(' × ')} inputs`,
  conv2d: (l) => {
    const padding = typeof l.padding === 'string' ? l.padding : `[${l.padding.join(', ')}] (top, bottom, left, right)`;
    const extra = [(l.dilation ?? 1) !== 1 ? `dilation ${sideText(l.dilation ?? 1)}` : '', (l.groups ?? 1) !== 1 ? `${l.groups} groups` : ''].filter(Boolean);
    return `${l.filters} filters, ${pairText(l.kernel)} kernel, stride ${sideText(l.stride)}, padding ${padding}${extra.length ? `, ${extra.join(', ')}` : ''}`;
  },
  pool2d: (l) => `${l.mode} pool ${pairText(l.size)}, stride ${sideText(l.stride ?? l.size)}`,
  flatten: () => 'flattens [h, w, c] to a vector',
  readout: (l) => (l.mode === 'value' ? `read-out: value, the input itself (${l.reduce} over the run)` : `read-out: ${l.mode} (${l.reduce})`),
  relu: () => 'max(0, x) of its input',
  identity: () => 'passes its input on',
  sum: (l) => `sum of ${l.inputs.length} inputs`,
  scale: () => 'multiplies each element of its input by its own factor',
  delay: (l) => (Array.isArray(l.steps) ? `delays each element of its input by its own number of steps (${l.steps.reduce((a, b) => Math.min(a, b))}–${l.steps.reduce((a, b) => Math.max(a, b))})` : `delays its input by ${l.steps} step${l.steps === 1 ? '' : 's'}`),
  accumulator: (l) => (l.window === undefined ? 'spike counts since the start of the run' : `spike counts over windows of ${l.window} steps`),
};

/** What a node computes in a line, with "+ bias" for weighted nodes that have one; undefined when its fields say it all. */
export function nodeSummary(layer: LayerSpec): string | undefined {
  const summary = (SUMMARIES[layer.kind] as ((l: LayerSpec) => string) | undefined)?.(layer);
  const bias = (layer.kind === 'dense' || layer.kind === 'conv2d') && layer.bias ? '+ bias' : undefined;
  const parts = [summary, bias].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? parts.join(' ') : undefined;
}
