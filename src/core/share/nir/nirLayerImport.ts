import { convGeometry, poolGeometry } from '../../network/layerGeometry.ts';
import { convOutSide, padBefore, type Shape } from '../../network/shapes.ts';
import type { LayerWeights } from '../../network/weights.ts';
import type { LayerSpec } from '../../spec/network.ts';
import { NirError, nodeSubject } from './nirError.ts';
import type { NirAffine, NirConv1d, NirConv2d, NirLinear, NirPool2d, NirTensor } from './nirGraph.ts';
import { allZero, maxAbs } from './nirScalars.ts';
import { LAYER_KEY } from './nirSpikelabMetadata.ts';
import { conv1dFromNir, convFromNir, denseFromNir, type FlattenedFrom } from './nirWeights.ts';

/** The layer name an import gives a node, and the node's own name (for messages). */
export interface ImportNames {
  readonly layer: string;
  readonly node: string;
}

/** A synaptic or pooling layer read from a NIR node, with its weights and output shape (ours). */
export interface LayerImport {
  readonly layer: LayerSpec;
  readonly weights?: LayerWeights;
  readonly bias?: LayerWeights;
  readonly shape: Shape;
}

const shapeText = (s: readonly number[]) => `[${s.join(', ')}]`;

/** A bias read from NIR: none when all zero (a chain without biases stays one), else `<name>.bias`. */
function importBias(bias: NirTensor, subject: string, dropBias: boolean, notes: string[]): LayerWeights | undefined {
  if (allZero(bias)) return undefined;
  if (dropBias) {
    notes.push(`${subject}: ignored its bias (up to ${maxAbs(bias)})`);
    return undefined;
  }
  return { shape: [bias.values.length], values: Float32Array.from(bias.values) };
}

/** Affine or Linear → dense (with its bias). The weight is [out, in]; `from` says how the input was flattened. */
export function denseImport(names: ImportNames, node: NirAffine | NirLinear, shape: Shape, from: FlattenedFrom, dropBias: boolean, notes: string[]): LayerImport {
  const s = nodeSubject(names.node, node.type);
  const name = names.layer;
  const bias = node.type === 'Affine' ? importBias(node.bias, s, dropBias, notes) : undefined;
  const [outs, ins, ...rest] = node.weight.shape;
  if (outs === undefined || ins === undefined || rest.length > 0) throw new NirError(s, `weight has shape ${shapeText(node.weight.shape)}; a dense weight is [out, in]`);
  if (shape.length !== 1) throw new NirError(s, `gets ${shapeText(shape)} (channels last) without a Flatten before it`);
  if (ins !== shape[0]) throw new NirError(s, `takes ${ins} inputs but the node before gives ${shape[0]}`);
  if (bias && bias.values.length !== outs) throw new NirError(s, `has ${bias.values.length} biases for ${outs} outputs`);
  return { layer: { kind: 'dense', name, units: outs, weightGain: 1, ...(bias ? { bias: true } : {}) }, weights: denseFromNir(node.weight, from), ...(bias ? { bias } : {}), shape: [outs] };
}

/** Our padding equal to PyTorch's symmetric padding p on an axis of n pixels, if there is one. */
function paddingMode(p: number, n: number, k: number, stride: number): 'valid' | 'same' | undefined {
  if (p === 0) return 'valid';
  const torchOut = Math.floor((n + 2 * p - k) / stride) + 1;
  return torchOut === convOutSide(n, k, stride, 'same') && p === padBefore(n, k, stride, 'same') ? 'same' : undefined;
}

/** Conv2d → conv2d: any kernel, strides, symmetric padding, dilation, groups and bias NIR states. */
export function conv2dImport(names: ImportNames, node: NirConv2d, shape: Shape, dropBias: boolean, notes: string[]): LayerImport {
  const s = nodeSubject(names.node, node.type);
  const name = names.layer;
  const bias = importBias(node.bias, s, dropBias, notes);
  const [outs = 0, insPerGroup = 0, kh = 0, kw = 0] = node.weight.shape;
  if (node.weight.shape.length !== 4) throw new NirError(s, `weight has shape ${shapeText(node.weight.shape)}; a Conv2d weight is [out, in/groups, kh, kw]`);
  if (shape.length !== 3) throw new NirError(s, `needs an image [channels, height, width] but gets ${shapeText(shape)}`);
  const [h, w, c] = shape;
  const groups = node.groups;
  if (!Number.isInteger(groups) || groups < 1 || c % groups !== 0 || outs % groups !== 0) throw new NirError(s, `has ${groups} groups, which must divide its ${c} input channels and ${outs} outputs`);
  if (insPerGroup * groups !== c) throw new NirError(s, `takes ${insPerGroup * groups} channels but the node before gives ${c}`);
  if (bias && bias.values.length !== outs) throw new NirError(s, `has ${bias.values.length} biases for ${outs} filters`);
  const [sh, sw] = node.stride;
  const [dh, dw] = node.dilation;
  if (node.inputShape && (node.inputShape[0] !== h || node.inputShape[1] !== w)) throw new NirError(s, `says its input is ${node.inputShape.join('×')} but the node before gives ${h}×${w}`);
  let padding: 'valid' | 'same' | [number, number, number, number];
  if (typeof node.padding === 'string') {
    padding = node.padding;
    // Spikelab's own files say 'same' in exactly this sense; others are told how it is read.
    const ours = node.metadata?.[LAYER_KEY] !== undefined;
    if (padding === 'same' && (sh > 1 || kh % 2 === 0) && !ours) notes.push(`${s}: padding 'same' with stride ${sh} and kernel ${kh} read by TensorFlow's rule (the odd pixel padded after)`);
  } else {
    const [ph, pw] = node.padding;
    const plain = kh === kw && sh === sw && dh === 1 && dw === 1 ? paddingMode(ph, h, kh, sh) : undefined;
    padding = plain !== undefined && plain === paddingMode(pw, w, kh, sh) ? plain : [ph, ph, pw, pw];
  }
  const layer = {
    kind: 'conv2d' as const,
    name,
    filters: outs,
    kernel: kh === kw ? kh : ([kh, kw] as [number, number]),
    stride: sh === sw ? sh : ([sh, sw] as [number, number]),
    padding,
    ...(dh !== 1 || dw !== 1 ? { dilation: dh === dw ? dh : ([dh, dw] as [number, number]) } : {}),
    ...(groups !== 1 ? { groups } : {}),
    weightGain: 1,
    ...(bias ? { bias: true } : {}),
  };
  const g = convGeometry(layer, h, w);
  if (g.outH < 1 || g.outW < 1) throw new NirError(s, `a ${kh}×${kw} kernel does not fit the ${h}×${w} input`);
  return { layer, weights: convFromNir(node.weight), ...(bias ? { bias } : {}), shape: [g.outH, g.outW, outs] };
}

/**
 * Conv1d over [channels, length] → conv2d over [length, 1, channels] with a k×1 kernel, its
 * padding on the length axis only.
 */
export function conv1dImport(names: ImportNames, node: NirConv1d, shape: Shape, dropBias: boolean, notes: string[]): LayerImport {
  const s = nodeSubject(names.node, node.type);
  const name = names.layer;
  const bias = importBias(node.bias, s, dropBias, notes);
  const [outs = 0, insPerGroup = 0, k = 0] = node.weight.shape;
  if (node.weight.shape.length !== 3) throw new NirError(s, `weight has shape ${shapeText(node.weight.shape)}; a Conv1d weight is [out, in/groups, k]`);
  if (shape.length !== 3 || shape[1] !== 1) throw new NirError(s, `needs a sequence [channels, length] but gets ${shapeText(shape)}`);
  const [n, , c] = shape;
  const groups = node.groups;
  if (!Number.isInteger(groups) || groups < 1 || c % groups !== 0 || outs % groups !== 0 || insPerGroup * groups !== c) throw new NirError(s, `takes ${insPerGroup}×${groups} channels in ${groups} groups but the node before gives ${c}`);
  const padding: 'valid' | 'same' | [number, number, number, number] = typeof node.padding === 'string' ? (node.padding === 'same' ? [Math.floor((node.dilation * (k - 1)) / 2), Math.ceil((node.dilation * (k - 1)) / 2), 0, 0] : 'valid') : [node.padding, node.padding, 0, 0];
  const layer = {
    kind: 'conv2d' as const,
    name,
    filters: outs,
    kernel: [k, 1] as [number, number],
    stride: [node.stride, 1] as [number, number],
    padding,
    ...(node.dilation !== 1 ? { dilation: [node.dilation, 1] as [number, number] } : {}),
    ...(groups !== 1 ? { groups } : {}),
    weightGain: 1,
    ...(bias ? { bias: true } : {}),
  };
  const g = convGeometry(layer, n, 1);
  if (g.outH < 1) throw new NirError(s, `a kernel of ${k} does not fit the length ${n}`);
  return { layer, weights: conv1dFromNir(node.weight), ...(bias ? { bias } : {}), shape: [g.outH, 1, outs] };
}

/** SumPool2d / AvgPool2d → pool2d 'sum' / 'avg': any window and strides, no padding. */
export function poolImport(names: ImportNames, node: NirPool2d, shape: Shape): LayerImport {
  const s = nodeSubject(names.node, node.type);
  const name = names.layer;
  if (shape.length !== 3) throw new NirError(s, `needs an image [channels, height, width] but gets ${shapeText(shape)}`);
  const [kh, kw] = node.kernelSize;
  const [sh, sw] = node.stride;
  if (node.padding.some((p) => p !== 0)) throw new NirError(s, `pads ${shapeText(node.padding)}; Spikelab pools without padding`);
  const [h, w, c] = shape;
  const size: number | [number, number] = kh === kw ? kh : [kh, kw];
  const stride: number | [number, number] = sh === sw ? sh : [sh, sw];
  const layer = { kind: 'pool2d' as const, name, mode: node.type === 'SumPool2d' ? ('sum' as const) : ('avg' as const), size, ...(sh === kh && sw === kw ? {} : { stride }) };
  const g = poolGeometry(layer, h, w);
  if (g.outH < 1 || g.outW < 1) throw new NirError(s, `a ${kh}×${kw} window does not fit the ${h}×${w} input`);
  return { layer, shape: [g.outH, g.outW, c] };
}
