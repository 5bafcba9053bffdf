import type { InputLayerSpec, LayerSpec } from '../spec/network.ts';
import type { DraftEdge, DraftNode, GraphDraft } from './graphDraft.ts';

/** A starting network for the editor, built around the data's input node and its number of classes. */
export interface GraphTemplate {
  readonly id: string;
  readonly label: string;
  /** One line: what it is and what it is for. */
  readonly summary: string;
  /** Why it cannot be built on this input (undefined when it can). */
  unfitReason(input: InputLayerSpec): string | undefined;
  build(input: InputLayerSpec, classes: number): GraphDraft;
}

const lif = (name: string): DraftNode => ({ kind: 'spiking', name, neuron: { model: 'lif', beta: 0.9, threshold: 1, reset: 'subtract' } as Extract<LayerSpec, { kind: 'spiking' }>['neuron'] });
const dense = (name: string, units: number, weightGain = 2): DraftNode => ({ kind: 'dense', name, units, weightGain });
const membraneOut: DraftNode = { kind: 'readout', name: 'classes', mode: 'membrane', beta: 0.9, reduce: 'max' };

/** A chain through `nodes` in order, plus extra edges. */
function chain(nodes: readonly DraftNode[], extra: readonly DraftEdge[] = []): GraphDraft {
  const edges: DraftEdge[] = [];
  for (let i = 1; i < nodes.length; i++) {
    const from = nodes[i - 1];
    const to = nodes[i];
    if (from && to) edges.push({ from: from.name, to: to.name, recurrent: false });
  }
  return { nodes, edges: [...edges, ...extra] };
}

const imageOnly = (input: InputLayerSpec): string | undefined =>
  input.shape.length === 3 ? undefined : `a convolution needs an image-shaped input [height, width, channels]; this data gives ${input.shape[0]} channels`;

/** The templates offered in the editor, in the order shown. */
export const GRAPH_TEMPLATES: readonly GraphTemplate[] = [
  {
    id: 'mlp',
    label: 'MLP',
    summary: 'two spiking layers, fully connected: the plain start',
    unfitReason: () => undefined,
    build: (input, classes) => chain([input, dense('fc1', 64, 3), lif('lif1'), dense('fc2', 32, 2), lif('lif2'), dense('fc3', classes, 2), membraneOut]),
  },
  {
    id: 'conv',
    label: 'conv net',
    summary: 'a spiking convolution, a pool and a dense read-out: for event cameras and images',
    unfitReason: imageOnly,
    build: (input, classes) =>
      chain([input, { kind: 'conv2d', name: 'conv1', filters: 8, kernel: 3, stride: 2, padding: 'same', weightGain: 2 }, lif('lif1'), { kind: 'pool2d', name: 'pool1', mode: 'sum', size: 2 }, { kind: 'flatten', name: 'flat' }, dense('fc', classes, 2), membraneOut]),
  },
  {
    id: 'rsnn',
    label: 'recurrent SNN',
    summary: "a population that hears its own spikes a step later: memory over time (snnTorch's RLeaky)",
    unfitReason: () => undefined,
    build: (input, classes) => ({
      // snnTorch's RLeaky: lif1 sums fc1 and, a step late, rec (its own spikes through square weights).
      nodes: [input, dense('fc1', 64, 3), lif('lif1'), dense('rec', 64, 1), dense('fc2', classes, 2), membraneOut],
      edges: [
        { from: input.name, to: 'fc1', recurrent: false },
        { from: 'fc1', to: 'lif1', recurrent: false },
        { from: 'rec', to: 'lif1', recurrent: true },
        { from: 'lif1', to: 'rec', recurrent: false },
        { from: 'lif1', to: 'fc2', recurrent: false },
        { from: 'fc2', to: 'classes', recurrent: false },
      ],
    }),
  },
  {
    id: 'residual',
    label: 'residual block',
    summary: "two spiking layers with a skip connection summed around the second (SEW-ResNet's block)",
    unfitReason: () => undefined,
    build: (input, classes) =>
      chain([input, dense('fc1', 32, 3), lif('lif1'), dense('fc2', 32, 2), lif('lif2'), { kind: 'sum', name: 'skip' } as DraftNode, dense('fc3', classes, 2), membraneOut], [{ from: 'lif1', to: 'skip', recurrent: false }]),
  },
  {
    id: 'hybrid',
    label: 'SNN → accumulator → ANN',
    summary: 'spikes counted over the run, then a small ReLU network decides: a hybrid pipeline',
    unfitReason: () => undefined,
    build: (input, classes) =>
      chain([input, dense('fc1', 64, 3), lif('lif1'), { kind: 'accumulator', name: 'acc' }, dense('fc2', 32, 0.5), { kind: 'relu', name: 'relu' }, dense('fc3', classes, 0.5), { kind: 'readout', name: 'classes', mode: 'value', beta: 0.9, reduce: 'last' }]),
  },
];
