/**
 * A small typed model of a NIR graph (Neuromorphic Intermediate Representation, neuromorphs/NIR
 * v1.0.7, `nir/ir/*.py`), independent of HDF5. Field names are the spec's in camelCase
 * (`v_threshold` → `vThreshold`); tensors keep NIR's PyTorch layout: dense weights [out, in],
 * convolution weights [out, in, kh, kw], per-neuron parameters in the shape of the population
 * ([n] or [channels, height, width]). Time constants are in seconds, like every exporter writes them.
 */

/** A numeric tensor, row-major. Weights are usually float32, neuron parameters float32 or float64. */
export interface NirTensor {
  readonly shape: readonly number[];
  readonly values: Float32Array | Float64Array;
}

/** Metadata NIR lets any node carry; readers must not need it to run the graph (NIR docs). */
export type NirMetadata = Readonly<Record<string, string | number>>;

/** A pair of integers (height, width), as NIR stores strides, kernels and paddings. */
export type NirPair = readonly [number, number];

/** Padding of a convolution: pixels on each side per axis, or the string forms the spec allows. */
export type NirPadding<P> = P | 'same' | 'valid';

interface NodeBase {
  readonly metadata?: NirMetadata;
}

export interface NirInput extends NodeBase {
  readonly type: 'Input';
  readonly shape: readonly number[];
}
export interface NirOutput extends NodeBase {
  readonly type: 'Output';
  readonly shape: readonly number[];
}
/** y = W·x + b. */
export interface NirAffine extends NodeBase {
  readonly type: 'Affine';
  readonly weight: NirTensor;
  readonly bias: NirTensor;
}
/** y = W·x. */
export interface NirLinear extends NodeBase {
  readonly type: 'Linear';
  readonly weight: NirTensor;
}
export interface NirConv1d extends NodeBase {
  readonly type: 'Conv1d';
  readonly weight: NirTensor;
  readonly bias: NirTensor;
  readonly stride: number;
  readonly padding: NirPadding<number>;
  readonly dilation: number;
  readonly groups: number;
  readonly inputShape?: number;
}
export interface NirConv2d extends NodeBase {
  readonly type: 'Conv2d';
  readonly weight: NirTensor;
  readonly bias: NirTensor;
  readonly stride: NirPair;
  readonly padding: NirPadding<NirPair>;
  readonly dilation: NirPair;
  readonly groups: number;
  readonly inputShape?: NirPair;
}
export interface NirPool2d extends NodeBase {
  readonly type: 'SumPool2d' | 'AvgPool2d';
  readonly kernelSize: NirPair;
  readonly stride: NirPair;
  readonly padding: NirPair;
}
export interface NirFlatten extends NodeBase {
  readonly type: 'Flatten';
  readonly startDim: number;
  readonly endDim: number;
  readonly inputType?: readonly number[];
}
/** τ·dv/dt = (v_leak − v) + R·I; spike and v ← v_reset when v > v_threshold. */
export interface NirLif extends NodeBase {
  readonly type: 'LIF';
  readonly tau: NirTensor;
  readonly r: NirTensor;
  readonly vLeak: NirTensor;
  readonly vThreshold: NirTensor;
  readonly vReset: NirTensor;
}
/** τ_syn·dI/dt = −I + w_in·S; τ_mem·dv/dt = (v_leak − v) + R·I; spike and reset as LIF. */
export interface NirCubaLif extends NodeBase {
  readonly type: 'CubaLIF';
  readonly tauSyn: NirTensor;
  readonly tauMem: NirTensor;
  readonly r: NirTensor;
  readonly vLeak: NirTensor;
  readonly vThreshold: NirTensor;
  readonly vReset: NirTensor;
  readonly wIn: NirTensor;
}
/** dv/dt = R·I; spike and v ← v_reset when v > v_threshold. */
export interface NirIf extends NodeBase {
  readonly type: 'IF';
  readonly r: NirTensor;
  readonly vThreshold: NirTensor;
  readonly vReset: NirTensor;
}
/** τ·dv/dt = (v_leak − v) + R·I (no spikes). */
export interface NirLi extends NodeBase {
  readonly type: 'LI';
  readonly tau: NirTensor;
  readonly r: NirTensor;
  readonly vLeak: NirTensor;
}
/** τ_syn·dI/dt = −I + w_in·S; τ_mem·dv/dt = (v_leak − v) + R·I (no spikes; the output is v). */
export interface NirCubaLi extends NodeBase {
  readonly type: 'CubaLI';
  readonly tauSyn: NirTensor;
  readonly tauMem: NirTensor;
  readonly r: NirTensor;
  readonly vLeak: NirTensor;
  readonly wIn: NirTensor;
}
/** y = x ⊙ scale (element-wise, scale in the shape of the signal). */
export interface NirScale extends NodeBase {
  readonly type: 'Scale';
  readonly scale: NirTensor;
}
/** y(t) = x(t − delay), per element, delays in seconds. */
export interface NirDelay extends NodeBase {
  readonly type: 'Delay';
  readonly delay: NirTensor;
}
/** Integrator: dv/dt = R·I. */
export interface NirIntegrator extends NodeBase {
  readonly type: 'I';
  readonly r: NirTensor;
}
/** Heaviside: z = 1 if x > threshold. */
export interface NirThreshold extends NodeBase {
  readonly type: 'Threshold';
  readonly threshold: NirTensor;
}
/** A nested graph (snnTorch writes recurrent layers this way). */
export interface NirSubgraph extends NodeBase {
  readonly type: 'NIRGraph';
  readonly nodes: Readonly<Record<string, NirNode>>;
  readonly edges: readonly NirEdge[];
}
/** A node type Spikelab does not model (a later spec's, or another tool's), kept by name. */
export interface NirUnsupported extends NodeBase {
  readonly type: 'Unsupported';
  readonly nirType: string;
}

/** Any node, discriminated by `type` (the spec's class name). */
export type NirNode =
  | NirInput
  | NirOutput
  | NirAffine
  | NirLinear
  | NirConv1d
  | NirConv2d
  | NirPool2d
  | NirFlatten
  | NirLif
  | NirCubaLif
  | NirIf
  | NirLi
  | NirCubaLi
  | NirScale
  | NirDelay
  | NirIntegrator
  | NirThreshold
  | NirSubgraph
  | NirUnsupported;

/** An edge: the output of node `[0]` feeds node `[1]`. */
export type NirEdge = readonly [string, string];

/** A whole NIR document: the top graph, its metadata, and the version string of the file. */
export interface NirGraph {
  readonly version: string;
  readonly nodes: Readonly<Record<string, NirNode>>;
  readonly edges: readonly NirEdge[];
  readonly metadata: NirMetadata;
}

/** The NIR release whose spec this code follows; written as the file's `version`. */
export const NIR_VERSION = '1.0.7';

/** A tensor of one value repeated over a shape (NIR stores per-neuron parameters this way). */
export function filledTensor(shape: readonly number[], value: number): NirTensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return { shape, values: new Float64Array(n).fill(value) };
}

/** Name of a node's type for messages: the spec's class name, also for unsupported ones. */
export function nirTypeName(node: NirNode): string {
  return node.type === 'Unsupported' ? node.nirType : node.type;
}
