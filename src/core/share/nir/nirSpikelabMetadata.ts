import { parseJsonText } from '../../format/jsonText.ts';
import { cubaDecays, type CubaLifParams } from '../../neurons/cubaLif.ts';
import { lifBeta, type LifParams } from '../../neurons/lif.ts';
import type { NeuronSpec } from '../../neurons/index.ts';
import { layerSchema, type LayerSpec } from '../../spec/network.ts';
import type { NirMetadata } from './nirGraph.ts';
import { nearlyEqual } from './nirScalars.ts';

/**
 * What Spikelab adds to the NIR files it writes, in NIR's per-node `metadata`, so that its own
 * files come back identical: the layer spec as written (weight gain, τ or β as the user gave it,
 * reset by subtraction, refractory period, how a read-out is reduced), and the graph's time step.
 * NIR says no reader may need metadata to run a graph, and ours does not: a layer is restored from
 * it only when the NIR parameters still say the same thing (a file edited elsewhere is read from
 * its parameters alone).
 */

/** Node metadata key holding the layer spec (JSON). */
export const LAYER_KEY = 'spikelab_layer';
/** Metadata key of a CubaLI node holding the layer of its current (JSON), when two read-outs were written as one CubaLI. */
export const CURRENT_KEY = 'spikelab_current_layer';
/** Graph metadata key holding the time step in ms the NIR time constants were computed for. */
export const DT_KEY = 'spikelab_dt_ms';
/** Graph metadata key holding the layer order (JSON list of node names): a graph comes back in the order it was written. */
export const ORDER_KEY = 'spikelab_node_order';

/** The node order a Spikelab file was written in, if the graph says (a preference: the edges still decide). */
export function metadataOrder(meta: NirMetadata): readonly string[] | undefined {
  const v = meta[ORDER_KEY];
  if (typeof v !== 'string') return undefined;
  try {
    const parsed: unknown = parseJsonText(v);
    return Array.isArray(parsed) && parsed.every((x) => typeof x === 'string') ? (parsed as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/** Metadata of the node(s) a layer becomes. */
export function layerMetadata(layer: LayerSpec): NirMetadata {
  return { [LAYER_KEY]: JSON.stringify(layer) };
}

/** The time step a Spikelab file was written for, if the graph says. */
export function metadataDtMs(meta: NirMetadata): number | undefined {
  const v = meta[DT_KEY];
  return typeof v === 'number' && v > 0 && Number.isFinite(v) ? v : undefined;
}

type Visible = Readonly<Record<string, string | number>>;

/** The part of a neuron NIR can state: decays per step and threshold (IF = LIF with β = 1). */
function neuronVisible(n: NeuronSpec, dtMs: number): Visible {
  if (n.model === 'lif') {
    const p = n as LifParams;
    return { family: 'lif', beta: lifBeta(p, dtMs), threshold: p.threshold, fires: p.reset === 'none' ? 0 : 1 };
  }
  if (n.model === 'if') return { family: 'lif', beta: 1, threshold: (n as { threshold: number }).threshold, fires: 1 };
  if (n.model === 'cubaLif') {
    const p = n as CubaLifParams;
    const { alpha, beta } = cubaDecays(p, dtMs);
    return { family: 'cuba', alpha, beta, threshold: p.threshold };
  }
  return { family: n.model };
}

/** The part of a layer NIR can state, for comparing a layer read from parameters with its metadata. */
function visible(layer: LayerSpec, dtMs: number): Visible {
  switch (layer.kind) {
    case 'input':
      return { kind: layer.kind, shape: layer.shape.join('x') };
    case 'dense':
      return { kind: layer.kind, units: layer.units };
    case 'conv2d':
      return { kind: layer.kind, filters: layer.filters, kernel: JSON.stringify(layer.kernel), stride: JSON.stringify(layer.stride), padding: JSON.stringify(layer.padding) };
    case 'pool2d':
      return { kind: layer.kind, mode: layer.mode, size: JSON.stringify(layer.size), stride: JSON.stringify(layer.stride ?? layer.size) };
    case 'flatten':
      return { kind: layer.kind };
    case 'spiking':
      return { kind: layer.kind, ...neuronVisible(layer.neuron, dtMs) };
    case 'readout':
      // A count and a membrane without decay are both NIR's Integrator.
      return { kind: layer.kind, decay: layer.mode === 'count' ? 1 : Math.fround(layer.beta) };
    case 'relu':
    case 'identity':
    case 'sum':
    case 'scale':
      return { kind: layer.kind };
    case 'delay':
      return { kind: layer.kind, steps: JSON.stringify(layer.steps) };
    case 'accumulator':
      return { kind: layer.kind, window: layer.window ?? 0 };
  }
}

function sameVisible(a: Visible, b: Visible): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (typeof x === 'number' && typeof y === 'number' ? !nearlyEqual(x, y) : x !== y) return false;
  }
  return true;
}

/**
 * The layer a node's Spikelab metadata describes, when it agrees with the layer read from the
 * node's NIR parameters (`derived`); otherwise undefined. Metadata that does not parse is ignored.
 */
export function restoreLayer(derived: LayerSpec, meta: NirMetadata | undefined, dtMs: number): LayerSpec | undefined {
  const text = meta?.[LAYER_KEY];
  if (typeof text !== 'string') return undefined;
  let doc: unknown;
  try {
    doc = parseJsonText(text);
  } catch {
    return undefined;
  }
  const parsed = layerSchema.safeParse(doc);
  if (!parsed.success || parsed.data.kind !== derived.kind) return undefined;
  return sameVisible(visible(parsed.data, dtMs), visible(derived, dtMs)) ? { ...parsed.data, name: derived.name } : undefined;
}
