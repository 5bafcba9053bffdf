import { SpecError, type SpecIssue } from '../errors.ts';
import type { Conv2dLayerSpec, LayerSpec, NetworkSpec, Pool2dLayerSpec } from '../spec/network.ts';
import { resolveGraph, type NetworkGraph } from './graph.ts';
import { convGeometry, isPlainConv, isPlainPool, poolGeometry } from './layerGeometry.ts';

/** Per-step shape of a layer's output: `[n]` or `[h, w, c]` (channels last). */
export type Shape = readonly [number] | readonly [number, number, number];

/** Number of elements of a shape. */
export function shapeSize(shape: Shape): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Output side of a strided window: 'valid' drops partial windows, 'same' pads to ceil(n/stride). */
export function convOutSide(n: number, k: number, stride: number, padding: 'valid' | 'same'): number {
  return padding === 'same' ? Math.ceil(n / stride) : Math.floor((n - k) / stride) + 1;
}

/** Padding before the first row/column for 'same' (tfjs convention: the extra pixel goes after). */
export function padBefore(n: number, k: number, stride: number, padding: 'valid' | 'same'): number {
  if (padding === 'valid') return 0;
  const outSide = Math.ceil(n / stride);
  const total = Math.max((outSide - 1) * stride + k - n, 0);
  return Math.floor(total / 2);
}

/**
 * The square window of a conv2d or pool2d node, for code that covers only square, undilated,
 * ungrouped, bias-free windows with 'valid'/'same' padding (the chain-era kernels and chip rules).
 * Anything else is refused by name: such code checks isPlainConv/isPlainPool and falls back first.
 */
export function windowOf(layer: Conv2dLayerSpec | Pool2dLayerSpec): { k: number; stride: number; padding: 'valid' | 'same' } {
  if (layer.kind === 'conv2d') {
    if (!isPlainConv(layer) || typeof layer.kernel !== 'number' || typeof layer.stride !== 'number' || typeof layer.padding !== 'string') {
      throw new SpecError([{ path: layer.name, message: `'${layer.name}' has a rectangular, dilated, grouped, biased or explicitly padded window, which this part does not cover yet` }]);
    }
    return { k: layer.kernel, stride: layer.stride, padding: layer.padding };
  }
  if (!isPlainPool(layer) || typeof layer.size !== 'number') {
    throw new SpecError([{ path: layer.name, message: `'${layer.name}' pools over a rectangular window, which this part does not cover yet` }]);
  }
  return { k: layer.size, stride: typeof layer.stride === 'number' ? layer.stride : layer.size, padding: 'valid' };
}

/** Result of shape inference: the output shape of every node, or the issues that prevent it. */
export interface ShapeInference {
  readonly shapes: readonly Shape[];
  /** Shape each node receives: its forward and recurrent inputs, summed (undefined for the input). */
  readonly inShapes: readonly (Shape | undefined)[];
  readonly graph: NetworkGraph;
  readonly issues: readonly SpecIssue[];
}

const same = (a: Shape, b: Shape): boolean => a.length === b.length && a.every((v, i) => v === b[i]);
const text = (s: Shape | undefined): string => `[${s?.join(', ') ?? ''}]`;

/**
 * Infers each node's output shape and checks that nodes fit together: the first node is the only
 * input, names are unique, the graph is sound (graph.ts), inputs summed into one node have one
 * shape, dense nodes get flat input, conv/pool get [h, w, c]. A node read only through a recurrent
 * edge from a later node gets its shape in a later pass. Paths are relative to `prefix`.
 */
export function inferShapes(net: NetworkSpec, prefix = 'network'): ShapeInference {
  const issues: SpecIssue[] = [];
  const seen = new Map<string, number>();
  net.layers.forEach((layer, i) => {
    const path = `${prefix}.layers[${i}]`;
    const prev = seen.get(layer.name);
    if (prev !== undefined) issues.push({ path: `${path}.name`, message: `layer name '${layer.name}' is already used by layers[${prev}]` });
    else seen.set(layer.name, i);
    if (i === 0 && layer.kind !== 'input') issues.push({ path: `${path}.kind`, message: "the first layer must be of kind 'input'" });
    if (i > 0 && layer.kind === 'input') issues.push({ path: `${path}.kind`, message: "only the first layer may be of kind 'input'" });
  });
  const { graph, issues: graphIssues } = resolveGraph(net, prefix);
  issues.push(...graphIssues);
  const n = net.layers.length;
  const shapes: (Shape | undefined)[] = new Array<Shape | undefined>(n).fill(undefined);
  const inShapes: (Shape | undefined)[] = new Array<Shape | undefined>(n).fill(undefined);
  const reported = new Set<number>();
  // A pass sets every node whose inputs are known; recurrent sources that come later need more passes.
  for (let pass = 0; pass <= n; pass++) {
    let progress = false;
    net.layers.forEach((layer, i) => {
      if (shapes[i] !== undefined) return;
      const path = `${prefix}.layers[${i}]`;
      if (layer.kind === 'input') {
        shapes[i] = layer.shape;
        progress = true;
        return;
      }
      const ins = graph.inputsOf[i] ?? [];
      const known = ins.map((e) => shapes[e.from]);
      const forwardKnown = ins.every((e, k) => e.recurrent || known[k] !== undefined);
      if (!forwardKnown) return;
      const first = known.find((s): s is Shape => s !== undefined);
      // A weighted node fed only by a loop knows its output shape before its input's (dense only).
      const inShape = first;
      if (inShape === undefined && layer.kind !== 'dense') return;
      const mismatch = ins.findIndex((_e, k) => known[k] !== undefined && inShape !== undefined && !same(known[k] as Shape, inShape));
      if (mismatch >= 0 && !reported.has(i)) {
        reported.add(i);
        const names = ins.map((e) => `'${net.layers[e.from]?.name ?? e.from}' ${text(shapes[e.from])}`).join(' and ');
        issues.push({ path: `${path}.inputs`, message: `'${layer.name}' sums ${names}, whose shapes differ` });
      }
      const out = outputShape(layer, inShape, path, issues, reported, i);
      if (out === undefined) return;
      shapes[i] = out;
      inShapes[i] = inShape;
      progress = true;
    });
    if (!progress) break;
  }
  // Nodes fed only by a loop learn their input shape once the loop's source is known.
  net.layers.forEach((_layer, i) => {
    if (inShapes[i] !== undefined || i === 0) return;
    const src = (graph.inputsOf[i] ?? []).map((e) => shapes[e.from]).find((s): s is Shape => s !== undefined);
    inShapes[i] = src;
  });
  if (issues.length === 0) {
    shapes.forEach((s, i) => {
      if (s === undefined) issues.push({ path: `${prefix}.layers[${i}]`, message: `the shape of '${net.layers[i]?.name ?? i}' cannot be worked out from its inputs` });
    });
  }
  const last = net.layers[n - 1];
  if (last && last.kind !== 'spiking' && last.kind !== 'readout') {
    issues.push({ path: `${prefix}.layers[${n - 1}].kind`, message: "the last layer must be 'spiking' or 'readout'" });
  }
  return { shapes: shapes.map((s) => s ?? [1]), inShapes, graph, issues };
}

function outputShape(layer: LayerSpec, inShape: Shape | undefined, path: string, issues: SpecIssue[], reported: Set<number>, i: number): Shape | undefined {
  const once = (issue: SpecIssue): undefined => {
    if (!reported.has(i)) issues.push(issue);
    reported.add(i);
    return undefined;
  };
  switch (layer.kind) {
    case 'input':
      return layer.shape;
    case 'dense':
      if (inShape && inShape.length !== 1) {
        once({ path: `${path}.kind`, message: `a dense layer needs flat input but gets ${text(inShape)}; add a 'flatten' layer before it` });
      }
      return [layer.units];
    case 'flatten':
      return inShape ? [shapeSize(inShape)] : undefined;
    case 'spiking':
    case 'readout':
    case 'relu':
    case 'identity':
    case 'sum':
    case 'accumulator':
    case 'scale':
      return inShape;
    case 'delay':
      if (inShape && Array.isArray(layer.steps) && layer.steps.length !== shapeSize(inShape)) {
        return once({ path: `${path}.steps`, message: `'${layer.name}' has ${layer.steps.length} delays for ${shapeSize(inShape)} elements ${text(inShape)}` });
      }
      return inShape;
    case 'conv2d':
    case 'pool2d': {
      if (!inShape || inShape.length !== 3) {
        return once({ path: `${path}.kind`, message: `a ${layer.kind} layer needs [height, width, channels] input but gets ${text(inShape)}` });
      }
      const [h, w, c] = inShape;
      const g = layer.kind === 'conv2d' ? convGeometry(layer, h, w) : poolGeometry(layer, h, w);
      if (g.outH < 1 || g.outW < 1) {
        return once({ path: `${path}.${layer.kind === 'conv2d' ? 'kernel' : 'size'}`, message: `window ${g.kh}×${g.kw} is larger than the ${h}×${w} input` });
      }
      if (layer.kind === 'conv2d' && (c % g.groups !== 0 || layer.filters % g.groups !== 0)) {
        return once({ path: `${path}.groups`, message: `${g.groups} groups must divide both the ${c} input channels and the ${layer.filters} filters` });
      }
      return [g.outH, g.outW, layer.kind === 'conv2d' ? layer.filters : c];
    }
  }
}
