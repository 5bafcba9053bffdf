import type { NirGraph, NirNode, NirTensor } from '../../src/core/share/nir/nirGraph.ts';

/**
 * An independent reading of a NIR chain, straight from the spec's equations (nir/ir/*.py) with a
 * forward-Euler step Δt, in float64 and PyTorch layout (channels first). It shares no code with
 * the converter, so a test can hold Spikelab's engine to it:
 *
 *   LIF      v ← v + Δt/τ·(v_leak − v + R·I);  z = v > θ;  v ← v_reset where z
 *   IF       v ← v + R·I (per step);  z = v > θ;  v ← v_reset where z
 *   CubaLIF  i ← i + Δt/τ_syn·(−i + w_in·S);  v ← v + Δt/τ_mem·(v_leak − v + R·i);  spike as LIF
 *   LI       v ← v + Δt/τ·(v_leak − v + R·I)      I (Integrator)  v ← v + R·I
 *   CubaLI   i and v as CubaLIF, no spikes (the output is v)
 *   Scale    y = x ⊙ s      Delay  y[t] = x[t − delay/Δt] (zeros before)
 *   Threshold z = x > θ;  Affine y = W·x + b;  Conv2d / SumPool2d as torch.nn (zero padding)
 */
export interface ReferenceRun {
  /** Spikes per neuron of every spiking node (channels-first order), by node name. */
  readonly spikeCounts: Record<string, Float64Array>;
  /** Final state of every LI / Integrator / CubaLI node. */
  readonly finals: Record<string, Float64Array>;
  /** The value of `probe` (node, neuron) at every step, if asked. */
  readonly trace: number[];
}

const at = (t: NirTensor, i: number) => t.values[i] ?? t.values[0] ?? 0;

function chainOf(graph: NirGraph): [string, NirNode][] {
  const input = Object.entries(graph.nodes).find(([, n]) => n.type === 'Input');
  if (!input) throw new Error('no Input');
  const out: [string, NirNode][] = [];
  for (let cur = input[0]; ; ) {
    const next = graph.edges.find(([a]) => a === cur)?.[1];
    const node = next === undefined ? undefined : graph.nodes[next];
    if (next === undefined || !node || node.type === 'Output') return out;
    out.push([next, node]);
    cur = next;
  }
}

/** torch.nn.Conv2d on a [c, h, w] image (zero padding, no dilation, one group). */
function conv2d(x: Float64Array, [c, h, w]: number[], n: Extract<NirNode, { type: 'Conv2d' }>): { y: Float64Array; shape: number[] } {
  const [outs = 0, , k = 0] = n.weight.shape;
  const [sh, sw] = n.stride;
  if (typeof n.padding === 'string') throw new Error('reference needs numeric padding');
  const [ph, pw] = n.padding;
  const oh = Math.floor((h! + 2 * ph - k) / sh) + 1;
  const ow = Math.floor((w! + 2 * pw - k) / sw) + 1;
  const y = new Float64Array(outs * oh * ow);
  for (let o = 0; o < outs; o++)
    for (let yy = 0; yy < oh; yy++)
      for (let xx = 0; xx < ow; xx++) {
        let s = at(n.bias, o);
        for (let ci = 0; ci < c!; ci++)
          for (let ky = 0; ky < k; ky++)
            for (let kx = 0; kx < k; kx++) {
              const iy = yy * sh - ph + ky;
              const ix = xx * sw - pw + kx;
              if (iy < 0 || ix < 0 || iy >= h! || ix >= w!) continue;
              s += (n.weight.values[((o * c! + ci) * k + ky) * k + kx] as number) * (x[(ci * h! + iy) * w! + ix] as number);
            }
        y[(o * oh + yy) * ow + xx] = s;
      }
  return { y, shape: [outs, oh, ow] };
}

/** torch-style sum or average pooling without padding. */
function pool(x: Float64Array, [c, h, w]: number[], n: Extract<NirNode, { type: 'SumPool2d' | 'AvgPool2d' }>): { y: Float64Array; shape: number[] } {
  const [k] = n.kernelSize;
  const [s] = n.stride;
  const oh = Math.floor((h! - k) / s) + 1;
  const ow = Math.floor((w! - k) / s) + 1;
  const y = new Float64Array(c! * oh * ow);
  for (let ci = 0; ci < c!; ci++)
    for (let yy = 0; yy < oh; yy++)
      for (let xx = 0; xx < ow; xx++) {
        let sum = 0;
        for (let ky = 0; ky < k; ky++) for (let kx = 0; kx < k; kx++) sum += x[(ci * h! + yy * s + ky) * w! + xx * s + kx] as number;
        y[(ci * oh + yy) * ow + xx] = n.type === 'AvgPool2d' ? sum / (k * k) : sum;
      }
  return { y, shape: [c!, oh, ow] };
}

/** Runs the chain on `input[t]` (channels-first values per step) for `steps` steps at Δt = dtS. */
export function runNirReference(graph: NirGraph, input: (t: number) => Float64Array, steps: number, dtS: number, probe?: [string, number]): ReferenceRun {
  const chain = chainOf(graph);
  const state = new Map<string, Float64Array[]>();
  const spikeCounts: Record<string, Float64Array> = {};
  const finals: Record<string, Float64Array> = {};
  const trace: number[] = [];
  const inputNode = Object.values(graph.nodes).find((n) => n.type === 'Input');
  const inShape = inputNode?.type === 'Input' ? [...inputNode.shape] : [];
  /** Every input each Delay node has seen, oldest first. */
  const seen = new Map<string, Float64Array[]>();
  const vars = (name: string, n: number, k: number) => {
    let s = state.get(name);
    if (!s) state.set(name, (s = Array.from({ length: k }, () => new Float64Array(n))));
    return s;
  };
  for (let t = 0; t < steps; t++) {
    let x = input(t);
    let shape = inShape;
    for (const [name, n] of chain) {
      let y: Float64Array;
      switch (n.type) {
        case 'Affine':
        case 'Linear': {
          const [outs = 0, ins = 0] = n.weight.shape;
          y = new Float64Array(outs);
          for (let o = 0; o < outs; o++) {
            let s = n.type === 'Affine' ? at(n.bias, o) : 0;
            for (let i = 0; i < ins; i++) s += (n.weight.values[o * ins + i] as number) * (x[i] as number);
            y[o] = s;
          }
          shape = [outs];
          break;
        }
        case 'Conv2d':
          ({ y, shape } = conv2d(x, shape, n));
          break;
        case 'SumPool2d':
        case 'AvgPool2d':
          ({ y, shape } = pool(x, shape, n));
          break;
        case 'Flatten':
          y = x;
          shape = [x.length];
          break;
        case 'LIF':
        case 'IF':
        case 'CubaLIF': {
          const [v, i] = vars(name, x.length, 2) as [Float64Array, Float64Array];
          const counts = (spikeCounts[name] ??= new Float64Array(x.length));
          y = new Float64Array(x.length);
          for (let j = 0; j < x.length; j++) {
            const inp = x[j] as number;
            if (n.type === 'IF') v[j] = (v[j] as number) + at(n.r, j) * inp;
            else if (n.type === 'LIF') v[j] = (v[j] as number) + (dtS / at(n.tau, j)) * (at(n.vLeak, j) - (v[j] as number) + at(n.r, j) * inp);
            else {
              i[j] = (i[j] as number) + (dtS / at(n.tauSyn, j)) * (-(i[j] as number) + at(n.wIn, j) * inp);
              v[j] = (v[j] as number) + (dtS / at(n.tauMem, j)) * (at(n.vLeak, j) - (v[j] as number) + at(n.r, j) * (i[j] as number));
            }
            if (probe && probe[0] === name && probe[1] === j) trace.push(v[j] as number);
            const z = (v[j] as number) > at(n.vThreshold, j) ? 1 : 0;
            if (z) v[j] = at(n.vReset, j);
            y[j] = z;
            counts[j] = (counts[j] as number) + z;
          }
          break;
        }
        case 'LI':
        case 'I': {
          const [v] = vars(name, x.length, 1) as [Float64Array];
          for (let j = 0; j < x.length; j++) {
            const inp = x[j] as number;
            v[j] = n.type === 'I' ? (v[j] as number) + at(n.r, j) * inp : (v[j] as number) + (dtS / at(n.tau, j)) * (at(n.vLeak, j) - (v[j] as number) + at(n.r, j) * inp);
          }
          if (probe && probe[0] === name) trace.push(v[probe[1]] as number);
          y = v.slice();
          finals[name] = y;
          break;
        }
        case 'CubaLI': {
          const [v, i] = vars(name, x.length, 2) as [Float64Array, Float64Array];
          for (let j = 0; j < x.length; j++) {
            i[j] = (i[j] as number) + (dtS / at(n.tauSyn, j)) * (-(i[j] as number) + at(n.wIn, j) * (x[j] as number));
            v[j] = (v[j] as number) + (dtS / at(n.tauMem, j)) * (at(n.vLeak, j) - (v[j] as number) + at(n.r, j) * (i[j] as number));
          }
          if (probe && probe[0] === name) trace.push(v[probe[1]] as number);
          y = v.slice();
          finals[name] = y;
          break;
        }
        case 'Scale':
          y = x.map((v, j) => v * at(n.scale, j));
          if (probe && probe[0] === name) trace.push(y[probe[1]] as number);
          break;
        case 'Delay': {
          const past = seen.get(name) ?? [];
          seen.set(name, past);
          past.push(x);
          y = x.map((_v, j) => {
            const back = Math.round(at(n.delay, j) / dtS);
            return t - back < 0 ? 0 : (past[t - back]?.[j] as number);
          });
          if (probe && probe[0] === name) trace.push(y[probe[1]] as number);
          break;
        }
        case 'Threshold': {
          const counts = (spikeCounts[name] ??= new Float64Array(x.length));
          y = x.map((v, j) => (v > at(n.threshold, j) ? 1 : 0));
          y.forEach((z, j) => (counts[j] = (counts[j] as number) + z));
          break;
        }
        default:
          throw new Error(`reference does not run ${n.type}`);
      }
      x = y;
    }
  }
  return { spikeCounts, finals, trace };
}
