import { SpecError } from '../errors.ts';
import { inferShapes, shapeSize, type Shape } from '../network/shapes.ts';
import type { LayerSpec, NetworkSpec } from '../spec/network.ts';

/**
 * One set of synapses into a population: the chain of synaptic nodes (dense, conv2d, pool2d,
 * flatten; identity and sum pass through) between a source population and this one. A spiking
 * node fed by a sum of a forward path and a loop has two groups; a recurrent group carries the
 * source's spikes of the step before, but they cross the chip like any other.
 */
export interface SynapseGroup {
  /** Source population: -1 = the input layer. */
  readonly from: number;
  /** Layers between the source and the population, in forward order (none = one-to-one). */
  readonly ops: readonly LayerSpec[];
  /** Shape entering `ops[0]` (the source's output shape). */
  readonly inShape: Shape;
  /** True when some edge on the path is recurrent (the spikes arrive a step late). */
  readonly recurrent: boolean;
}

/**
 * The network as a chip sees it: populations of neurons (spiking layers and read-outs, which are
 * non-spiking integrators but still occupy neurons) joined by synapse groups; the input layer is
 * population -1: the host or the sensor, not a core.
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
  /** Every synapse group into the population, forward ones first (at least one). */
  readonly groups: readonly SynapseGroup[];
  /** The first group's source, ops and input shape: what chain-shaped chip rules read. */
  readonly from: number;
  readonly ops: readonly LayerSpec[];
  readonly inShape: Shape;
  /** Bias values its weighted nodes store (kept in a core's bias memory, one per biased output). */
  readonly biases: number;
}

/** A node the chip cannot run, with the reason (mapNetwork turns these into violations). */
export interface OffChipNode {
  readonly layer: string;
  readonly message: string;
}

/** The non-spiking head after an accumulator: it runs on a conventional device, costed per pass. */
export interface AnnHead {
  /** The accumulators where spikes leave the chip. */
  readonly accumulators: readonly string[];
  readonly nodes: readonly string[];
  /** Multiply-accumulates of one pass of the head. */
  readonly macs: number;
}

/** The input layer, the populations in list order, and what stays off the chip. */
export interface PopulationGraph {
  readonly input: { readonly name: string; readonly size: number; readonly shape: Shape };
  readonly populations: readonly Population[];
  /** Nodes no neuromorphic core can run (a relu between synapses, a loop without neurons, …). */
  readonly unsupported: readonly OffChipNode[];
  /** The ANN part after accumulators, when the network has one. */
  readonly head?: AnnHead;
}

/** Most synapse groups followed into one node (each is a path of synaptic nodes from a source). */
const MAX_GROUPS = 256;

/**
 * Nodes that only route their (summed) input on: no synapses of their own. A scale is counted as
 * folded into the synapses of its path (their weights times its factors: the same synapse count;
 * no weight values are read here), a delay as the axon delay of a core's synapses (its buffer's
 * memory is not counted, nor any chip's limit on delays): approximations of the chip's figures.
 */
const PASS_THROUGH: ReadonlySet<LayerSpec['kind']> = new Set(['identity', 'sum', 'scale', 'delay']);

/** Why a node inside a synapse path has no place on a neuromorphic core (undefined = it has one). */
const OFF_CHIP_IN_PATH: Partial<Record<LayerSpec['kind'], (l: LayerSpec) => string>> = {
  relu: (l) => `'${l.name}' is a relu between synapses and neurons: a neuromorphic core sums synaptic currents linearly and has no non-spiking units`,
  accumulator: (l) => `'${l.name}' is an accumulator feeding neurons: a neuromorphic core cannot count spikes over a window and feed the counts back as currents`,
};

/** The nodes after an accumulator (transitively, through forward and recurrent edges). */
function headNodes(net: NetworkSpec, consumers: readonly (readonly { to: number }[])[]): Set<number> {
  const head = new Set<number>();
  const stack: number[] = [];
  net.layers.forEach((l, i) => {
    if (l.kind === 'accumulator') stack.push(i);
  });
  while (stack.length > 0) {
    const i = stack.pop() as number;
    for (const e of consumers[i] ?? []) if (!head.has(e.to)) {
      head.add(e.to);
      stack.push(e.to);
    }
  }
  return head;
}

/** MACs of one pass of a chain of nodes from `shape` (weighted nodes only; a pool or sum is adds). */
export function macsOf(ops: readonly LayerSpec[], inShapes: readonly (Shape | undefined)[], shapes: readonly Shape[], indexOf: (l: LayerSpec) => number): number {
  let macs = 0;
  for (const op of ops) {
    const i = indexOf(op);
    const inShape = inShapes[i];
    const out = shapes[i];
    if (!inShape || !out) continue;
    if (op.kind === 'dense') macs += shapeSize(inShape) * op.units;
    else if (op.kind === 'conv2d' && inShape.length === 3) {
      const kernel = typeof op.kernel === 'number' ? op.kernel * op.kernel : op.kernel[0] * op.kernel[1];
      macs += shapeSize(out) * kernel * (inShape[2] / (op.groups ?? 1));
    }
  }
  return macs;
}

/**
 * Splits a network graph into populations: every spiking or read-out node not after an
 * accumulator, with one synapse group per path from a source population (or the input) through
 * synaptic nodes. Skips and sums give several groups, loops recurrent ones. Nodes after an
 * accumulator are the ANN head (off the chip); nodes a core cannot run are listed as unsupported.
 */
export function populationsOf(net: NetworkSpec): PopulationGraph {
  const { shapes, inShapes, graph, issues } = inferShapes(net);
  if (issues.length > 0) throw new SpecError(issues);
  const first = net.layers[0];
  if (!first || first.kind !== 'input') throw new SpecError([{ path: 'network.layers[0].kind', message: "the first layer must be of kind 'input'" }]);
  const shapeAt = (i: number): Shape => shapes[i] as Shape;
  const head = headNodes(net, graph.consumersOf);
  const index = new Map(net.layers.map((l, i) => [l, i] as const));
  const popOf = new Map<number, number>();
  net.layers.forEach((l, i) => {
    if ((l.kind === 'spiking' || l.kind === 'readout') && !head.has(i)) popOf.set(i, popOf.size);
  });
  const unsupported: OffChipNode[] = [];
  const refuse = (layer: string, message: string) => {
    if (!unsupported.some((u) => u.layer === layer && u.message === message)) unsupported.push({ layer, message });
  };

  // Paths into node i, each ending at a population or the input; `visiting` catches loops without neurons.
  const visiting = new Set<number>();
  const memo = new Map<number, SynapseGroup[]>();
  const pathsInto = (i: number): SynapseGroup[] => {
    const known = memo.get(i);
    if (known) return known;
    const groups: SynapseGroup[] = [];
    for (const e of graph.inputsOf[i] ?? []) {
      const src = net.layers[e.from] as LayerSpec;
      if (e.from === 0) groups.push({ from: -1, ops: [], inShape: shapeAt(0), recurrent: e.recurrent });
      else if (popOf.has(e.from)) groups.push({ from: popOf.get(e.from) as number, ops: [], inShape: shapeAt(e.from), recurrent: e.recurrent });
      else if (visiting.has(e.from)) refuse(src.name, `'${src.name}' loops back onto itself without neurons in between: a chip's synapses feed neurons, not other synapses`);
      else {
        // A dilated conv is a window with gaps: netGraph.ts follows its taps like any other's.
        const why = OFF_CHIP_IN_PATH[src.kind];
        if (why) refuse(src.name, why(src));
        visiting.add(e.from);
        for (const g of pathsInto(e.from)) {
          const ops = PASS_THROUGH.has(src.kind) || why ? g.ops : [...g.ops, src];
          groups.push({ ...g, ops, recurrent: g.recurrent || e.recurrent });
        }
        visiting.delete(e.from);
      }
    }
    // Diamonds of sums multiply paths; past a bound the graph is refused rather than enumerated.
    if (groups.length > MAX_GROUPS) {
      const node = net.layers[i] as LayerSpec;
      refuse(node.name, `'${node.name}' is reached by ${groups.length} paths of synapses; the mapper follows at most ${MAX_GROUPS} into one node`);
      groups.length = MAX_GROUPS;
    }
    memo.set(i, groups);
    return groups;
  };

  const populations: Population[] = [];
  for (const [i] of popOf) {
    const layer = net.layers[i] as LayerSpec & { kind: 'spiking' | 'readout' };
    const groups = [...pathsInto(i)].sort((a, b) => Number(a.recurrent) - Number(b.recurrent));
    const primary = groups[0] ?? { from: -1, ops: [], inShape: shapeAt(0), recurrent: false };
    const biases = groups.reduce((a, g) => a + g.ops.reduce((b, op) => b + ((op.kind === 'dense' || op.kind === 'conv2d') && op.bias ? biasCount(op) : 0), 0), 0);
    const shape = shapeAt(i);
    populations.push({
      name: layer.name,
      layerIndex: i,
      kind: layer.kind,
      model: layer.kind === 'spiking' ? layer.neuron.model : 'integrator',
      size: shapeSize(shape),
      shape,
      groups,
      from: primary.from,
      ops: primary.ops,
      inShape: primary.inShape,
      biases,
    });
  }
  // A head node that spikes or reads out would need the host's values back on the chip.
  for (const i of head) {
    const l = net.layers[i] as LayerSpec;
    if (l.kind === 'spiking') refuse(l.name, `'${l.name}' spikes after an accumulator: the counts leave the chip, and a neuromorphic chip cannot take the host's values back as input`);
  }
  const headList = [...head].sort((a, b) => a - b).map((i) => net.layers[i] as LayerSpec);
  const result: PopulationGraph = { input: { name: first.name, size: shapeSize(shapeAt(0)), shape: shapeAt(0) }, populations, unsupported };
  if (headList.length === 0) return result;
  const macs = macsOf(headList, inShapes, shapes as readonly Shape[], (l) => index.get(l) as number);
  const accumulators = net.layers.filter((l) => l.kind === 'accumulator').map((l) => l.name);
  return { ...result, head: { accumulators, nodes: headList.map((l) => l.name), macs } };

  /** Bias values of a weighted node: one per unit, or per filter at every output position. */
  function biasCount(op: LayerSpec): number {
    const i = index.get(op) as number;
    return shapeSize(shapeAt(i));
  }
}
