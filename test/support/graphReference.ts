import { inferShapes, shapeSize, type Shape } from '../../src/core/network/shapes.ts';
import { convGeometry, poolGeometry } from '../../src/core/network/layerGeometry.ts';
import { biasKey, type NetworkWeights } from '../../src/core/network/weights.ts';
import { neuronModel } from '../../src/core/neurons/index.ts';
import type { NetworkSpec } from '../../src/core/spec/network.ts';

/**
 * A second, deliberately naive reading of the graph semantics, for tests: one sample, dense loops
 * straight from the definitions (a conv is a sum over output positions and kernel taps, no events),
 * node by node in list order, recurrent inputs from the step before. Neurons use the registry's
 * step, so differences point at propagation and wiring, not at neuron models.
 * Returns the output of every node at every step: out[t][node] (length = the node's size).
 */
export function runGraphReference(net: NetworkSpec, weights: NetworkWeights, input: readonly Float32Array[], dtMs: number): Float32Array[][] {
  const { shapes, inShapes, graph } = inferShapes(net);
  const size = (i: number): number => shapeSize(shapes[i] ?? [1]);
  const states = net.layers.map((l, i) => (l.kind === 'spiking' ? neuronModel(l.neuron.model).init(size(i), l.neuron) : undefined));
  const mem = net.layers.map((_l, i) => new Float32Array(size(i)));
  /** Every input a delay node has seen, oldest first (naive: the whole history, no ring). */
  const seen: Float32Array[][] = net.layers.map(() => []);
  let prev: Float32Array[] = net.layers.map((_l, i) => new Float32Array(size(i)));
  const result: Float32Array[][] = [];
  input.forEach((x, t) => {
    const now: Float32Array[] = [];
    net.layers.forEach((l, i) => {
      if (l.kind === 'input') {
        now.push(Float32Array.from(x));
        return;
      }
      const edges = graph.inputsOf[i] ?? [];
      const inShape = inShapes[i] ?? [1];
      const inp = new Float32Array(shapeSize(inShape));
      edges.forEach((e, k) => {
        const src = e.recurrent ? prev[e.from] : now[e.from];
        for (let j = 0; j < inp.length; j++) inp[j] = k === 0 ? (src?.[j] ?? 0) : Math.fround((inp[j] as number) + (src?.[j] ?? 0));
      });
      seen[i]?.push(inp);
      now.push(nodeOutput(net, weights, i, inp, inShape, shapes[i] ?? [1], states, mem, t, dtMs, input.length, seen[i] ?? []));
    });
    result.push(now.map((v) => v.slice()));
    prev = now;
  });
  return result;
}

type States = (Record<string, Float32Array> | undefined)[];

function nodeOutput(net: NetworkSpec, weights: NetworkWeights, i: number, x: Float32Array, inShape: Shape, outShape: Shape, states: States, mem: Float32Array[], t: number, dtMs: number, steps: number, history: readonly Float32Array[]): Float32Array {
  const l = net.layers[i];
  const n = shapeSize(outShape);
  const out = new Float32Array(n);
  if (!l) return out;
  const bias = weights[biasKey(l.name)]?.values;
  switch (l.kind) {
    case 'dense': {
      const w = weights[l.name]?.values ?? new Float32Array(0);
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < x.length; k++) s += (x[k] as number) * (w[k * n + j] as number);
        out[j] = bias ? Math.fround(Math.fround(s) + (bias[j] as number)) : s;
      }
      return out;
    }
    case 'conv2d': {
      const [h, wd, c] = inShape as readonly [number, number, number];
      const g = convGeometry(l, h, wd);
      const f = l.filters;
      const cg = c / g.groups;
      const fg = f / g.groups;
      const w = weights[l.name]?.values ?? new Float32Array(0);
      for (let oy = 0; oy < g.outH; oy++)
        for (let ox = 0; ox < g.outW; ox++)
          for (let o = 0; o < f; o++) {
            const grp = Math.floor(o / fg);
            let s = 0;
            for (let ky = 0; ky < g.kh; ky++)
              for (let kx = 0; kx < g.kw; kx++) {
                const y = oy * g.sh - g.pads[0] + ky * g.dh;
                const xx = ox * g.sw - g.pads[2] + kx * g.dw;
                if (y < 0 || y >= h || xx < 0 || xx >= wd) continue;
                for (let cc = 0; cc < cg; cc++) s += (x[(y * wd + xx) * c + grp * cg + cc] as number) * (w[((ky * g.kw + kx) * cg + cc) * f + o] as number);
              }
            const idx = (oy * g.outW + ox) * f + o;
            out[idx] = bias ? Math.fround(Math.fround(s) + (bias[o] as number)) : s;
          }
      return out;
    }
    case 'pool2d': {
      const [h, wd, c] = inShape as readonly [number, number, number];
      const g = poolGeometry(l, h, wd);
      for (let oy = 0; oy < g.outH; oy++)
        for (let ox = 0; ox < g.outW; ox++)
          for (let ch = 0; ch < c; ch++) {
            let s = 0;
            let m = -Infinity;
            for (let ky = 0; ky < g.kh; ky++)
              for (let kx = 0; kx < g.kw; kx++) {
                const v = x[((oy * g.sh + ky) * wd + ox * g.sw + kx) * c + ch] as number;
                s += v;
                m = Math.max(m, v);
              }
            out[(oy * g.outW + ox) * c + ch] = l.mode === 'max' ? m : l.mode === 'avg' ? s / (g.kh * g.kw) : s;
          }
      return out;
    }
    case 'flatten':
    case 'identity':
    case 'sum':
      return x.slice();
    case 'relu':
      return x.map((v) => Math.max(0, v));
    case 'scale': {
      const s = weights[l.name]?.values ?? new Float32Array(0);
      return x.map((v, j) => v * (s[j] as number));
    }
    case 'delay':
      // y[t] = x[t − d]: the input seen d steps ago, zero before the first step.
      return x.map((_v, j) => {
        const d = Array.isArray(l.steps) ? (l.steps[j] as number) : l.steps;
        return t - d < 0 ? 0 : (history[t - d]?.[j] as number);
      });
    case 'accumulator': {
      const m = mem[i] as Float32Array;
      if (l.window !== undefined && t % l.window === 0) m.fill(0);
      for (let j = 0; j < n; j++) m[j] = Math.fround((m[j] as number) + (x[j] as number));
      return m.slice();
    }
    case 'readout': {
      const m = mem[i] as Float32Array;
      for (let j = 0; j < n; j++) m[j] = l.mode === 'value' ? (x[j] as number) : l.mode === 'count' ? Math.fround((m[j] as number) + (x[j] as number)) : Math.fround(Math.fround(Math.fround(l.beta) * (m[j] as number)) + (x[j] as number));
      return m.slice();
    }
    case 'spiking': {
      const model = neuronModel(l.neuron.model);
      const res = model.step(states[i] ?? {}, x, l.neuron, { dtMs, t, steps });
      states[i] = res.state;
      return res.spikes.slice();
    }
    case 'input':
      return x.slice();
  }
}
