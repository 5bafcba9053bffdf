import { neuronModel } from '../neurons/index.ts';
import type { LayerSpec } from '../spec/network.ts';
import type { DraftNode } from './graphDraft.ts';

/** A parameter of a node kind as an editor shows it: a number, a choice, or a switch. */
export type NodeField =
  | {
      readonly key: string;
      readonly type: 'number';
      readonly unit: string;
      readonly doc: string;
      readonly min: number;
      readonly max: number;
      readonly integer: boolean;
      /** May be left empty (the default applies). */
      readonly optional?: boolean;
      /** What empty means, shown as the placeholder. */
      readonly emptyMeans?: string;
    }
  | { readonly key: string; readonly type: 'choice'; readonly doc: string; readonly options: readonly string[] }
  | { readonly key: string; readonly type: 'switch'; readonly doc: string };

/** What the editor knows about one kind of node: how it is called, what it does, what it takes. */
export interface NodeKindInfo {
  readonly kind: LayerSpec['kind'];
  readonly label: string;
  /** One line: what the node computes. */
  readonly summary: string;
  /** The stem of new nodes' names (`fc` → fc1, fc2, …). */
  readonly nameBase: string;
  /** Whether it is offered in the palette (the input node comes with the data). */
  readonly inPalette: boolean;
  /** A new node of this kind with sensible defaults. */
  make(name: string): DraftNode;
  /** Its editable parameters, besides the neuron model of a spiking node. */
  readonly fields: readonly NodeField[];
}

const gainField: NodeField = { key: 'weightGain', type: 'number', unit: '', doc: 'initial weights are uniform in ±gain·√(3/fan-in)', min: 0.001, max: 1000, integer: false };
const biasField: NodeField = { key: 'bias', type: 'switch', doc: 'adds a trained offset per output (starts at 0)' };

/** One entry per node kind, looked up by kind: the editor's palette, inspector and names come from here. */
export const NODE_KINDS: { readonly [K in LayerSpec['kind']]: NodeKindInfo } = {
  input: {
    kind: 'input',
    label: 'input',
    summary: 'where the encoded data enters, one value per input neuron and step',
    nameBase: 'input',
    inPalette: false,
    make: (name) => ({ kind: 'input', name, shape: [16] }),
    fields: [],
  },
  dense: {
    kind: 'dense',
    label: 'dense',
    summary: 'fully connected synapses: every input feeds every unit (I = x·W)',
    nameBase: 'fc',
    inPalette: true,
    make: (name) => ({ kind: 'dense', name, units: 16, weightGain: 1 }),
    fields: [{ key: 'units', type: 'number', unit: 'neurons', doc: 'how many outputs (the next population gets one current each)', min: 1, max: 1_000_000, integer: true }, gainField, biasField],
  },
  conv2d: {
    kind: 'conv2d',
    label: 'conv 2-D',
    summary: 'convolution over [height, width, channels]: each filter slides over the input',
    nameBase: 'conv',
    inPalette: true,
    make: (name) => ({ kind: 'conv2d', name, filters: 8, kernel: 3, stride: 1, padding: 'same', weightGain: 1 }),
    fields: [
      { key: 'filters', type: 'number', unit: 'channels', doc: 'how many kernels, one output channel each', min: 1, max: 4096, integer: true },
      { key: 'kernel', type: 'number', unit: 'px', doc: 'side of each square kernel', min: 1, max: 15, integer: true },
      { key: 'stride', type: 'number', unit: 'px', doc: 'step between kernel positions (2 halves the size)', min: 1, max: 15, integer: true },
      { key: 'padding', type: 'choice', doc: "'same' pads so that stride 1 keeps the size; 'valid' does not pad", options: ['same', 'valid'] },
      gainField,
      biasField,
    ],
  },
  pool2d: {
    kind: 'pool2d',
    label: 'pool 2-D',
    summary: 'sums, averages or ORs windows of its input: smaller maps, same channels',
    nameBase: 'pool',
    inPalette: true,
    make: (name) => ({ kind: 'pool2d', name, mode: 'sum', size: 2 }),
    fields: [
      { key: 'mode', type: 'choice', doc: 'sum, average, or max (of spikes: any spike in the window)', options: ['sum', 'avg', 'max'] },
      { key: 'size', type: 'number', unit: 'px', doc: 'side of each square window (stride = size unless set)', min: 1, max: 64, integer: true },
      { key: 'stride', type: 'number', unit: 'px', doc: 'step between windows', min: 1, max: 64, integer: true, optional: true, emptyMeans: 'the window' },
    ],
  },
  flatten: {
    kind: 'flatten',
    label: 'flatten',
    summary: 'turns [h, w, c] into one vector, for a dense layer after a convolution',
    nameBase: 'flat',
    inPalette: true,
    make: (name) => ({ kind: 'flatten', name }),
    fields: [],
  },
  spiking: {
    kind: 'spiking',
    label: 'spiking neurons',
    summary: 'a population of spiking neurons, one per input current',
    nameBase: 'lif',
    inPalette: true,
    make: (name) => ({ kind: 'spiking', name, neuron: { ...neuronModel('lif').defaults } as Extract<LayerSpec, { kind: 'spiking' }>['neuron'] }),
    fields: [],
  },
  readout: {
    kind: 'readout',
    label: 'read-out',
    summary: 'the answer: spike counts, a leaky membrane or values per class, reduced over the run',
    nameBase: 'readout',
    inPalette: true,
    make: (name) => ({ kind: 'readout', name, mode: 'membrane', beta: 0.9, reduce: 'max' }),
    fields: [
      { key: 'mode', type: 'choice', doc: "'count' sums spikes, 'membrane' integrates with decay β, 'value' passes the input on", options: ['count', 'membrane', 'value'] },
      { key: 'beta', type: 'number', unit: '1 per step', doc: 'membrane decay per step (membrane mode)', min: 0.0001, max: 1, integer: false },
      { key: 'reduce', type: 'choice', doc: 'which value over the run is the answer: the last, the largest or the mean', options: ['max', 'last', 'mean'] },
    ],
  },
  relu: { kind: 'relu', label: 'ReLU', summary: 'max(0, x): a non-spiking unit of an ANN part', nameBase: 'relu', inPalette: true, make: (name) => ({ kind: 'relu', name }), fields: [] },
  identity: { kind: 'identity', label: 'identity', summary: 'passes its (summed) inputs on unchanged', nameBase: 'id', inPalette: true, make: (name) => ({ kind: 'identity', name }), fields: [] },
  sum: { kind: 'sum', label: 'sum', summary: 'adds two or more inputs of one shape: the join of a skip connection', nameBase: 'sum', inPalette: true, make: (name) => ({ kind: 'sum', name }) as DraftNode, fields: [] },
  scale: { kind: 'scale', label: 'scale', summary: 'multiplies each element by its own factor, learned like a bias (ones at first; NIR Scale)', nameBase: 'scale', inPalette: true, make: (name) => ({ kind: 'scale', name }), fields: [] },
  delay: {
    kind: 'delay',
    label: 'delay',
    summary: 'holds its input back by whole steps (NIR Delay; zeros before)',
    nameBase: 'delay',
    inPalette: true,
    make: (name) => ({ kind: 'delay', name, steps: 1 }),
    fields: [{ key: 'steps', type: 'number', unit: 'steps', doc: 'how many steps each element arrives late (one number for all; per-element delays come from NIR files)', min: 0, max: 10_000, integer: true }],
  },
  accumulator: {
    kind: 'accumulator',
    label: 'accumulator',
    summary: 'spike counts over a window: the bridge from a spiking part to an ANN part',
    nameBase: 'acc',
    inPalette: true,
    make: (name) => ({ kind: 'accumulator', name }),
    fields: [{ key: 'window', type: 'number', unit: 'steps', doc: 'counts restart every this many steps', min: 1, max: 1_000_000, integer: true, optional: true, emptyMeans: 'the whole run' }],
  },
};

/** The registry entry of a kind. */
export const nodeKind = (kind: LayerSpec['kind']): NodeKindInfo => NODE_KINDS[kind];

/** The kinds offered in the palette, in the order shown. */
export const PALETTE_KINDS: readonly NodeKindInfo[] = Object.values(NODE_KINDS).filter((k) => k.inPalette);
