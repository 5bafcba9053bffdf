import { shapeSize, type Shape } from '../../network/shapes.ts';
import type { LayerWeights } from '../../network/weights.ts';
import { MAX_DELAY_STEPS, type DelayLayerSpec } from '../../spec/network.ts';
import { NirError, nodeSubject } from './nirError.ts';
import type { NirDelay, NirScale, NirTensor } from './nirGraph.ts';
import { PARAM_TOLERANCE } from './nirScalars.ts';

/**
 * NIR's element-wise nodes ↔ Spikelab's scale and delay nodes. Their tensors hold one value per
 * element of the signal, in NIR's (PyTorch's) layout: [n], or [channels, height, width] for an
 * image our nodes hold channels last. A tensor of one value stands for every element.
 */

/** NIR's (PyTorch's) shape of one of our per-step shapes: [n] stays, [h, w, c] becomes [c, h, w]. */
export function nirShape(s: Shape): number[] {
  return s.length === 3 ? [s[2], s[0], s[1]] : [s[0]];
}

/** Index in NIR's channels-first order of the element our channels-last order puts at `i`. */
function nirIndex(i: number, shape: Shape): number {
  if (shape.length !== 3) return i;
  const [h, w, c] = shape;
  const ch = i % c;
  return ch * h * w + (i - ch) / c;
}

/** A per-element tensor in our order; refused (naming the node) unless it has one value or one per element. */
function elementsFromNir(t: NirTensor, shape: Shape, subject: string, param: string): Float64Array {
  const n = shapeSize(shape);
  if (t.values.length === 1) return new Float64Array(n).fill(t.values[0] as number);
  if (t.values.length !== n) throw new NirError(subject, `'${param}' has ${t.values.length} values (shape [${t.shape.join(', ')}]) but its input has ${n} elements [${nirShape(shape).join(', ')}]`);
  return Float64Array.from({ length: n }, (_v, i) => t.values[nirIndex(i, shape)] as number);
}

function elementsToNir(values: ArrayLike<number>, shape: Shape, make: (n: number) => Float32Array | Float64Array): NirTensor {
  const out = make(values.length);
  for (let i = 0; i < values.length; i++) out[nirIndex(i, shape)] = values[i] as number;
  return { shape: nirShape(shape), values: out };
}

/** Scale → scale node; its factors become the node's weights (float32, in our order). */
export function scaleImport(layer: string, nodeName: string, node: NirScale, shape: Shape): { layer: { kind: 'scale'; name: string }; weights: LayerWeights; shape: Shape } {
  const s = nodeSubject(nodeName, node.type);
  const values = Float32Array.from(elementsFromNir(node.scale, shape, s, 'scale'));
  return { layer: { kind: 'scale', name: layer }, weights: { shape: [values.length], values }, shape };
}

/** Whole steps of a delay of `seconds` at a step of `dtMs`, or why there are none. */
function wholeSteps(seconds: number, dtMs: number): number | string {
  if (seconds < 0) return `is negative (${seconds} s): a node cannot read its future input`;
  const steps = (seconds * 1000) / dtMs;
  const whole = Math.round(steps);
  if (Math.abs(steps - whole) > PARAM_TOLERANCE * Math.max(whole, 1)) return `is ${seconds} s, ${+steps.toPrecision(6)} steps of Δt = ${dtMs} ms, not a whole number of them; import with a Δt (dtMs) that divides it`;
  if (whole > MAX_DELAY_STEPS) return `is ${whole} steps of Δt = ${dtMs} ms; Spikelab delays by at most ${MAX_DELAY_STEPS} steps`;
  return whole;
}

/**
 * Delay → delay node: each element's delay in seconds as whole steps of the import's Δt (within
 * PARAM_TOLERANCE relative); refused, naming the node and the element, when one is negative or
 * not a whole number of steps. One number when all elements share it.
 */
export function delayImport(layer: string, nodeName: string, node: NirDelay, shape: Shape, dtMs: number): { layer: DelayLayerSpec; shape: Shape } {
  const s = nodeSubject(nodeName, node.type);
  const seconds = elementsFromNir(node.delay, shape, s, 'delay');
  const steps = Array.from(seconds, (sec, i) => {
    const d = wholeSteps(sec, dtMs);
    if (typeof d === 'string') throw new NirError(s, `the delay of element ${nirIndex(i, shape)} ${d}`);
    return d;
  });
  const first = steps[0] ?? 0;
  return { layer: { kind: 'delay', name: layer, steps: steps.every((d) => d === first) ? first : steps }, shape };
}

/** Our scale node's weights as NIR's Scale, in NIR's layout. */
export function scaleToNir(w: LayerWeights, shape: Shape): NirScale {
  return { type: 'Scale', scale: elementsToNir(w.values, shape, (n) => new Float32Array(n)) };
}

/** Our delay node as NIR's Delay: steps × Δt in seconds (float64, so that they read back as whole steps). */
export function delayToNir(layer: DelayLayerSpec, shape: Shape, dtMs: number): NirDelay {
  const n = shapeSize(shape);
  const steps = Array.isArray(layer.steps) ? layer.steps : new Array<number>(n).fill(layer.steps);
  return { type: 'Delay', delay: elementsToNir(steps.map((d) => (d * dtMs) / 1000), shape, (k) => new Float64Array(k)) };
}
