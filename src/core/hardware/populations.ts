import { chainOnlyReason } from '../network/graph.ts';
import { SpecError } from '../errors.ts';
import { inferShapes, shapeSize, type Shape } from '../network/shapes.ts';
import type { LayerSpec, NetworkSpec } from '../spec/network.ts';

/**
 * The network as a chip sees it: populations of neurons (spiking layers and read-outs, which are
 * non-spiking integrators but still occupy neurons) joined by projections. A projection is the
 * chain of synaptic layers between two populations (e.g. pool2d → conv2d, or flatten → dense);
 * the input layer is population -1: the host or the sensor, not a core.
 */
export interface Population {
  readonly name: string;
  /** Index of the spiking / readout layer in network.layers. */
  readonly layerIndex: number;
  readonly kind: 'spiking' | 'readout';
  /** Neuron model (`lif`, `if`, …) or 'integrator' for a read-out. */
  readonly model: string;
  readonly size: number;
  readonly shape: Shape;
  /** Source population: -1 = the input layer. */
  readonly from: number;
  /** Layers between the source and this population, in order (at least one weighted layer). */
  readonly ops: readonly LayerSpec[];
  /** Shape entering `ops[0]` (the source's output shape). */
  readonly inShape: Shape;
}

/** The input layer and the populations, in feed-forward order. */
export interface PopulationGraph {
  readonly input: { readonly name: string; readonly size: number; readonly shape: Shape };
  readonly populations: readonly Population[];
}

/** Splits a network into populations; a chain without a weighted layer (e.g. spiking → spiking) is kept as identity. */
export function populationsOf(net: NetworkSpec): PopulationGraph {
  const graphReason = chainOnlyReason(net);
  if (graphReason) throw new SpecError([{ path: 'network', message: `the mapper places chains only so far: ${graphReason}` }]);
  const { shapes, issues } = inferShapes(net);
  if (issues.length > 0) throw new SpecError(issues);
  const first = net.layers[0];
  if (!first || first.kind !== 'input') throw new SpecError([{ path: 'network.layers[0].kind', message: "the first layer must be of kind 'input'" }]);
  const inputShape = shapes[0] as Shape;
  const populations: Population[] = [];
  let ops: LayerSpec[] = [];
  let from = -1;
  let inShape: Shape = inputShape;
  net.layers.forEach((layer, i) => {
    if (i === 0) return;
    if (layer.kind === 'spiking' || layer.kind === 'readout') {
      const shape = shapes[i] as Shape;
      populations.push({
        name: layer.name,
        layerIndex: i,
        kind: layer.kind,
        model: layer.kind === 'spiking' ? layer.neuron.model : 'integrator',
        size: shapeSize(shape),
        shape,
        from,
        ops,
        inShape,
      });
      from = populations.length - 1;
      ops = [];
      inShape = shape;
    } else {
      ops.push(layer);
    }
  });
  return { input: { name: first.name, size: shapeSize(inputShape), shape: inputShape }, populations };
}
