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
  readonly shape: Shape;
}

const shapeText = (s: readonly number[]) => `[${s.join(', ')}]`;

/**
 * Biases are refused unless the caller opts in: our layers have none, and dropping a bias changes
 * what every neuron receives at every step, so a silent drop would simulate another network.
 */
export function checkBias(bias: NirTensor, subject: string, dropBias: boolean, notes: string[]): void {
  if (allZero(bias)) return;
  if (!dropBias) {
    throw new NirError(subject, `has a bias (up to ${maxAbs(bias)}); Spikelab layers have no bias and dropping it changes every spike: export the model without bias, or import with dropBias (CLI --drop-bias) to ignore it`);
  }
  notes.push(`${subject}: ignored its bias (up to ${maxAbs(bias)})`);
}

/** Affine or Linear → dense. The weight is [out, in]; `from` says how the input was flattened. */
export function denseImport(names: ImportNames, node: NirAffine | NirLinear, shape: Shape, from: FlattenedFrom, dropBias: boolean, notes: string[]): LayerImport {
  const s = nodeSubject(names.node, node.type);
  const name = names.layer;
  if (node.type === 'Affine') checkBias(node.bias, s, dropBias, notes);
  const [outs, ins, ...rest] = node.weight.shape;
  if (outs === undefined || ins === undefined || rest.length > 0) throw new NirError(s, `weight has shape ${shapeText(node.weight.shape)}; a dense weight is [out, in]`);
  if (shape.length !== 1) throw new NirError(s, `gets ${shapeText(shape)} (channels last) without a Flatten before it`);
  if (ins !== shape[0]) throw new NirError(s, `takes ${ins} inputs but the node before gives ${shape[0]}`);
  return { layer: { kind: 'dense', name, units: outs, weightGain: 1 }, weights: denseFromNir(node.weight, from), shape: [outs] };
}

/** Our padding equal to PyTorch's symmetric padding p on an axis of n pixels, if there is one. */
function paddingMode(p: number, n: number, k: number, stride: number): 'valid' | 'same' | undefined {
  if (p === 0) return 'valid';
  const torchOut = Math.floor((n + 2 * p - k) / stride) + 1;
  return torchOut === convOutSide(n, k, stride, 'same') && p === padBefore(n, k, stride, 'same') ? 'same' : undefined;
}

function convCommon(s: string, node: NirConv1d | NirConv2d, dropBias: boolean, notes: string[]): void {
  checkBias(node.bias, s, dropBias, notes);
  if (node.groups !== 1) throw new NirError(s, `has ${node.groups} groups; Spikelab's conv2d connects every input channel to every filter (groups = 1)`);
  const dilation = typeof node.dilation === 'number' ? [node.dilation] : node.dilation;
  if (dilation.some((d) => d !== 1)) throw new NirError(s, `has dilation ${shapeText(dilation)}; Spikelab's conv2d has none`);
}

/** Conv2d → conv2d: square kernel, equal strides, and a padding that is our 'valid' or 'same'. */
export function conv2dImport(names: ImportNames, node: NirConv2d, shape: Shape, dropBias: boolean, notes: string[]): LayerImport {
  const s = nodeSubject(names.node, node.type);
  const name = names.layer;
  convCommon(s, node, dropBias, notes);
  const [outs = 0, ins = 0, kh = 0, kw = 0] = node.weight.shape;
  if (node.weight.shape.length !== 4) throw new NirError(s, `weight has shape ${shapeText(node.weight.shape)}; a Conv2d weight is [out, in, kh, kw]`);
  if (shape.length !== 3) throw new NirError(s, `needs an image [channels, height, width] but gets ${shapeText(shape)}`);
  const [h, w, c] = shape;
  if (ins !== c) throw new NirError(s, `takes ${ins} channels but the node before gives ${c}`);
  if (kh !== kw) throw new NirError(s, `has a ${kh}×${kw} kernel; Spikelab's conv2d kernels are square`);
  const [sh, sw] = node.stride;
  if (sh !== sw) throw new NirError(s, `has strides ${sh}×${sw}; Spikelab's conv2d uses one stride for both axes`);
  if (node.inputShape && (node.inputShape[0] !== h || node.inputShape[1] !== w)) throw new NirError(s, `says its input is ${node.inputShape.join('×')} but the node before gives ${h}×${w}`);
  let padding: 'valid' | 'same' | undefined;
  if (typeof node.padding === 'string') {
    padding = node.padding;
    // Spikelab's own files say 'same' in exactly this sense; others are told how it is read.
    const ours = node.metadata?.[LAYER_KEY] !== undefined;
    if (padding === 'same' && (sh > 1 || kh % 2 === 0) && !ours) notes.push(`${s}: padding 'same' with stride ${sh} and kernel ${kh} read by TensorFlow's rule (the odd pixel padded after)`);
  } else {
    const [ph, pw] = node.padding;
    const mh = paddingMode(ph, h, kh, sh);
    padding = mh === paddingMode(pw, w, kh, sh) ? mh : undefined;
    if (!padding) {
      const oh = Math.floor((h + 2 * ph - kh) / sh) + 1;
      const ow = Math.floor((w + 2 * pw - kh) / sh) + 1;
      throw new NirError(s, `pads (${ph}, ${pw}) with kernel ${kh} and stride ${sh} on ${h}×${w} (${oh}×${ow} out); Spikelab's conv2d pads 'valid' (${convOutSide(h, kh, sh, 'valid')}×${convOutSide(w, kh, sh, 'valid')}) or 'same' (${convOutSide(h, kh, sh, 'same')}×${convOutSide(w, kh, sh, 'same')}, TensorFlow's rule)`);
    }
  }
  const oh = convOutSide(h, kh, sh, padding);
  const ow = convOutSide(w, kh, sh, padding);
  if (oh < 1 || ow < 1) throw new NirError(s, `a ${kh}×${kh} kernel does not fit the ${h}×${w} input`);
  return { layer: { kind: 'conv2d', name, filters: outs, kernel: kh, stride: sh, padding, weightGain: 1 }, weights: convFromNir(node.weight), shape: [oh, ow, outs] };
}

/**
 * Conv1d over [channels, length] → conv2d over [length, 1, channels] with a k×k kernel whose only
 * non-zero column meets the real input column. That needs 'same' padding (the width stays 1).
 */
export function conv1dImport(names: ImportNames, node: NirConv1d, shape: Shape, dropBias: boolean, notes: string[]): LayerImport {
  const s = nodeSubject(names.node, node.type);
  const name = names.layer;
  convCommon(s, node, dropBias, notes);
  const [outs = 0, ins = 0, k = 0] = node.weight.shape;
  if (node.weight.shape.length !== 3) throw new NirError(s, `weight has shape ${shapeText(node.weight.shape)}; a Conv1d weight is [out, in, k]`);
  if (shape.length !== 3 || shape[1] !== 1) throw new NirError(s, `needs a sequence [channels, length] but gets ${shapeText(shape)}`);
  const [n, , c] = shape;
  if (ins !== c) throw new NirError(s, `takes ${ins} channels but the node before gives ${c}`);
  const mode = typeof node.padding === 'string' ? node.padding : paddingMode(node.padding, n, k, node.stride);
  const padding = k === 1 ? 'valid' : mode;
  if (padding === undefined || (padding !== 'same' && k > 1)) throw new NirError(s, `pads ${String(node.padding)} with kernel ${k}; Spikelab runs a Conv1d as a conv2d on a [length, 1, channels] image, which needs 'same' padding`);
  const column = padBefore(1, k, node.stride, padding);
  notes.push(`${s}: runs as a conv2d with a ${k}×${k} kernel on a [${n}, 1, ${c}] image (only its centre column is non-zero, so the result is the same)`);
  return { layer: { kind: 'conv2d', name, filters: outs, kernel: k, stride: node.stride, padding, weightGain: 1 }, weights: conv1dFromNir(node.weight, column), shape: [convOutSide(n, k, node.stride, padding), 1, outs] };
}

/** SumPool2d / AvgPool2d → pool2d 'sum' / 'avg': square window, equal strides, no padding. */
export function poolImport(names: ImportNames, node: NirPool2d, shape: Shape): LayerImport {
  const s = nodeSubject(names.node, node.type);
  const name = names.layer;
  if (shape.length !== 3) throw new NirError(s, `needs an image [channels, height, width] but gets ${shapeText(shape)}`);
  const [kh, kw] = node.kernelSize;
  const [sh, sw] = node.stride;
  if (kh !== kw || sh !== sw) throw new NirError(s, `has a ${kh}×${kw} window with strides ${sh}×${sw}; Spikelab pools square windows with one stride`);
  if (node.padding.some((p) => p !== 0)) throw new NirError(s, `pads ${shapeText(node.padding)}; Spikelab pools without padding`);
  const [h, w, c] = shape;
  const oh = convOutSide(h, kh, sh, 'valid');
  const ow = convOutSide(w, kh, sh, 'valid');
  if (oh < 1 || ow < 1) throw new NirError(s, `a ${kh}×${kh} window does not fit the ${h}×${w} input`);
  const layer: LayerSpec = { kind: 'pool2d', name, mode: node.type === 'SumPool2d' ? 'sum' : 'avg', size: kh, ...(sh === kh ? {} : { stride: sh }) };
  return { layer, shape: [oh, ow, c] };
}
