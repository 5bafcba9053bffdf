import type { SpecIssue } from '../errors.ts';
import type { Conv2dLayerSpec, LayerSpec, NetworkSpec, Pool2dLayerSpec } from '../spec/network.ts';

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

/** The window of a conv2d or pool2d layer: side, stride (a pool's defaults to its size) and padding. */
export function windowOf(layer: Conv2dLayerSpec | Pool2dLayerSpec): { k: number; stride: number; padding: 'valid' | 'same' } {
  return layer.kind === 'conv2d' ? { k: layer.kernel, stride: layer.stride, padding: layer.padding } : { k: layer.size, stride: layer.stride ?? layer.size, padding: 'valid' };
}

/** Result of shape inference: the output shape of every layer, or the issues that prevent it. */
export interface ShapeInference {
  readonly shapes: readonly Shape[];
  readonly issues: readonly SpecIssue[];
}

/**
 * Infers each layer's output shape and checks that layers fit together: the first layer is the
 * only input, names are unique, dense layers get flat input, conv/pool get [h, w, c], a spiking or
 * readout layer follows a layer that produces currents or spikes. Paths are relative to `prefix`.
 */
export function inferShapes(net: NetworkSpec, prefix = 'network'): ShapeInference {
  const issues: SpecIssue[] = [];
  const shapes: Shape[] = [];
  const seen = new Map<string, number>();
  let current: Shape | undefined;
  net.layers.forEach((layer, i) => {
    const path = `${prefix}.layers[${i}]`;
    const prev = seen.get(layer.name);
    if (prev !== undefined) issues.push({ path: `${path}.name`, message: `layer name '${layer.name}' is already used by layers[${prev}]` });
    seen.set(layer.name, i);
    if (i === 0 && layer.kind !== 'input') issues.push({ path: `${path}.kind`, message: "the first layer must be of kind 'input'" });
    if (i > 0 && layer.kind === 'input') issues.push({ path: `${path}.kind`, message: "only the first layer may be of kind 'input'" });
    const next = current === undefined && layer.kind !== 'input' ? undefined : outputShape(layer, current, path, issues);
    if (next !== undefined) current = next;
    shapes.push(current ?? [1]);
  });
  const last = net.layers[net.layers.length - 1];
  if (last && last.kind !== 'spiking' && last.kind !== 'readout') {
    issues.push({ path: `${prefix}.layers[${net.layers.length - 1}].kind`, message: "the last layer must be 'spiking' or 'readout'" });
  }
  return { shapes, issues };
}

function outputShape(layer: LayerSpec, inShape: Shape | undefined, path: string, issues: SpecIssue[]): Shape | undefined {
  switch (layer.kind) {
    case 'input':
      return layer.shape;
    case 'dense':
      if (inShape && inShape.length !== 1) {
        issues.push({ path: `${path}.kind`, message: `a dense layer needs flat input but gets [${inShape.join(', ')}]; add a 'flatten' layer before it` });
      }
      return [layer.units];
    case 'flatten':
      return inShape ? [shapeSize(inShape)] : undefined;
    case 'spiking':
    case 'readout':
      return inShape;
    case 'conv2d':
    case 'pool2d': {
      if (!inShape || inShape.length !== 3) {
        issues.push({ path: `${path}.kind`, message: `a ${layer.kind} layer needs [height, width, channels] input but gets [${inShape?.join(', ') ?? ''}]` });
        return undefined;
      }
      const [h, w, c] = inShape;
      const { k, stride, padding } = windowOf(layer);
      const oh = convOutSide(h, k, stride, padding);
      const ow = convOutSide(w, k, stride, padding);
      if (oh < 1 || ow < 1) {
        issues.push({ path: `${path}.${layer.kind === 'conv2d' ? 'kernel' : 'size'}`, message: `window ${k} is larger than the ${h}×${w} input` });
        return undefined;
      }
      return [oh, ow, layer.kind === 'conv2d' ? layer.filters : c];
    }
  }
}
