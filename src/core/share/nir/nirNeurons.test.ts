import { describe, expect, it } from 'vitest';
import { chainGraph, full, tensor } from '../../../../test/support/nirGraphs.ts';
import type { NirLif, NirNode } from './nirGraph.ts';
import { neuronToNir, readoutToNir } from './nirNeuronExport.ts';
import { neuronFromNir, readoutFromNir } from './nirNeuronImport.ts';
import { chooseTimeStep } from './nirTimeStep.ts';
import { nirToNetwork } from './nirToNetwork.ts';

const opts = { dtMs: 1, reset: 'zero', dropBias: false } as const;
const first = (n: NirNode, key: string) => ((n as unknown as Record<string, { values: ArrayLike<number> }>)[key]?.values[0] ?? NaN);
const lif = (tau: number, r: number, extra: Partial<NirLif> = {}): NirLif => ({ type: 'LIF', tau: full([1], tau), r: full([1], r), vLeak: full([1], 0), vThreshold: full([1], 1), vReset: full([1], 0), ...extra });

describe('Spikelab neurons written as NIR', () => {
  it('a LIF with β = 0.9 at Δt = 1 ms becomes τ = Δt/(1 − β) = 10 ms and R = 1/(1 − β) = 10', () => {
    const { nodes } = neuronToNir('l', { model: 'lif', beta: 0.9, threshold: 1.5, reset: 'zero', refractoryMs: 0 }, [3], 1);
    const [node] = nodes;
    if (!node) throw new Error('no node');
    expect(node.type).toBe('LIF');
    // β is run in float32: 1 − fround(0.9) = 0.099999976…, so τ = 1 ms / that.
    expect(first(node, 'tau')).toBeCloseTo(1e-3 / (1 - Math.fround(0.9)), 15);
    expect(first(node, 'r')).toBeCloseTo(1 / (1 - Math.fround(0.9)), 9);
    expect(first(node, 'vThreshold')).toBe(1.5);
    expect((node as NirLif).tau.shape).toEqual([3]);
  });

  it('the forward-Euler step of the written LIF is Spikelab’s step v ← β·v + I', () => {
    const beta = Math.fround(0.8);
    const [node] = neuronToNir('l', { model: 'lif', beta: 0.8, threshold: 1, reset: 'zero', refractoryMs: 0 }, [1], 2).nodes;
    const dt = 2e-3;
    const tau = first(node as NirNode, 'tau');
    const r = first(node as NirNode, 'r');
    // τ·dv/dt = −v + R·I with v = 0.6, I = 0.3: Euler gives v + Δt/τ·(−v + R·I).
    expect(0.6 + (dt / tau) * (-0.6 + r * 0.3)).toBeCloseTo(beta * 0.6 + 0.3, 12);
  });

  it('a LIF given τ_mem is written for its per-step decay β = exp(−Δt/τ_mem)', () => {
    const [node] = neuronToNir('l', { model: 'lif', tauMemMs: 20, threshold: 1, reset: 'subtract', refractoryMs: 0 }, [1], 4).nodes;
    const beta = Math.fround(Math.exp(-4 / 20));
    expect(first(node as NirNode, 'tau')).toBeCloseTo(4e-3 / (1 - beta), 12);
  });

  it('reset by subtraction and refractory periods are reported as what NIR cannot say', () => {
    const { losses } = neuronToNir('l', { model: 'lif', beta: 0.9, threshold: 1, reset: 'subtract', refractoryMs: 2 }, [1], 1);
    expect(losses).toEqual(['resets by subtracting θ, which NIR cannot express: other tools will reset it to 0', 'has a 2 ms refractory period, which NIR cannot express: other tools will run it without one']);
  });

  it('a current-based LIF becomes CubaLIF with snnTorch’s w_in = τ_syn/Δt and R = τ_mem/Δt', () => {
    const [node] = neuronToNir('c', { model: 'cubaLif', alpha: 0.5, beta: 0.75, threshold: 1 }, [2], 1).nodes;
    expect(first(node as NirNode, 'tauSyn')).toBeCloseTo(2e-3, 12);
    expect(first(node as NirNode, 'tauMem')).toBeCloseTo(4e-3, 12);
    expect(first(node as NirNode, 'wIn')).toBeCloseTo(2, 9);
    expect(first(node as NirNode, 'r')).toBeCloseTo(4, 9);
  });

  it('read-outs: a membrane becomes LI with the LIF’s parameters, a count an Integrator with R = 1', () => {
    const li = readoutToNir({ kind: 'readout', name: 'o', mode: 'membrane', beta: 0.5, reduce: 'max' }, [4], 1);
    expect(li.type).toBe('LI');
    expect(first(li, 'tau')).toBeCloseTo(2e-3, 12);
    expect(readoutToNir({ kind: 'readout', name: 'o', mode: 'count', beta: 0.9, reduce: 'max' }, [4], 1)).toMatchObject({ type: 'I' });
  });
});

describe('NIR neurons read as Spikelab neurons', () => {
  it('τ and R at Δt give β = 1 − Δt/τ and an input gain Δt·R/τ: τ = 5 ms, R = 2, Δt = 1 ms → β 0.8, g 0.4', () => {
    const imp = neuronFromNir('n', lif(5e-3, 2), opts);
    expect(imp.neuron).toMatchObject({ model: 'lif', threshold: 1, reset: 'zero' });
    expect((imp.neuron as { beta: number }).beta).toBeCloseTo(0.8, 12);
    expect(imp.inputGain).toBeCloseTo(0.4, 12);
  });

  it('snnTorch’s CubaLIF (w_in = τ_syn/Δt, R = τ_mem/Δt) reads back α, β and a gain of 1', () => {
    const node: NirNode = { type: 'CubaLIF', tauSyn: full([1], 2e-4), tauMem: full([1], 1e-3), r: full([1], 10), vLeak: full([1], 0), vThreshold: full([1], 1), vReset: full([1], 0), wIn: full([1], 2) };
    if (node.type !== 'CubaLIF') throw new Error();
    const imp = neuronFromNir('c', node, { ...opts, dtMs: 0.1 });
    expect((imp.neuron as { alpha: number }).alpha).toBeCloseTo(0.5, 12);
    expect((imp.neuron as { beta: number }).beta).toBeCloseTo(0.9, 12);
    expect(imp.inputGain).toBeCloseTo(1, 12);
    expect(imp.notes[0]).toMatch(/cubaLif resets by subtracting/);
  });

  it('IF and the Integrator are read per step: their gain is R', () => {
    const imp = neuronFromNir('i', { type: 'IF', r: full([1], 0.5), vThreshold: full([1], 2), vReset: full([1], 0) }, opts);
    expect(imp).toMatchObject({ neuron: { model: 'if', threshold: 2, reset: 'zero' }, inputGain: 0.5 });
    expect(readoutFromNir('c', { type: 'I', r: full([1], 3) }, opts)).toMatchObject({ mode: 'count', inputGain: 3 });
  });

  it('refuses a time constant not longer than Δt, per-neuron values that differ, and v_reset ≠ 0', () => {
    expect(() => neuronFromNir('n', lif(1e-3, 1), opts)).toThrow(/NIR node 'n' \(LIF\): tau = 0\.001 s is not longer than the time step Δt = 0\.001 s; import with a smaller time step/);
    expect(() => neuronFromNir('n', lif(5e-3, 1, { vThreshold: tensor([2], [1, 2]) }), opts)).toThrow(/'v_threshold' differs between neurons \(1 … 2\)/);
    expect(() => neuronFromNir('n', lif(5e-3, 1, { vReset: full([1], -0.5) }), opts)).toThrow(/resets to v_reset = -0\.5/);
  });

  it('folds the input gain into the weights before the neuron, or divides the threshold when there are none', () => {
    const graph = (withFc: boolean) =>
      chainGraph([
        ['in', { type: 'Input', shape: [1] }],
        ...(withFc ? [['fc', { type: 'Linear', weight: tensor([1, 1], [2]) }] as const] : []),
        ['n', lif(5e-3, 2)],
        ['out', { type: 'Output', shape: [1] }],
      ]);
    const folded = nirToNetwork(graph(true), { dtMs: 1 });
    expect(folded.weights['fc']?.values[0]).toBeCloseTo(0.8, 6);
    expect(folded.network.layers[2]).toMatchObject({ neuron: { threshold: 1 } });
    const scaled = nirToNetwork(graph(false), { dtMs: 1 });
    expect((scaled.network.layers[1] as { neuron: { threshold: number } }).neuron.threshold).toBeCloseTo(2.5, 12);
  });
});

describe('the time step of an import', () => {
  const timed = chainGraph([
    ['in', { type: 'Input', shape: [1] }],
    ['n', lif(1e-3, 10)],
    ['out', { type: 'Output', shape: [1] }],
  ]);
  const nodes = Object.values(timed.nodes);
  it('is the caller’s, else the one Spikelab recorded, else snnTorch’s R = τ/Δt, else 1 ms', () => {
    expect(chooseTimeStep(timed, nodes, 0.25)).toEqual({ dtMs: 0.25 });
    expect(chooseTimeStep({ ...timed, metadata: { spikelab_dt_ms: 4 } }, nodes, undefined)).toEqual({ dtMs: 4 });
    expect(chooseTimeStep(timed, nodes, undefined)).toMatchObject({ dtMs: 0.1, note: expect.stringMatching(/snnTorch's convention/) });
    const physical = [lif(2e-2, 1)];
    expect(chooseTimeStep(timed, physical, undefined)).toMatchObject({ dtMs: 1, note: expect.stringMatching(/NIR stores no time step; used Δt = 1 ms/) });
  });

  it('does not matter, and is not mentioned, for graphs without time constants', () => {
    expect(chooseTimeStep(timed, [{ type: 'IF', r: full([1], 1), vThreshold: full([1], 1), vReset: full([1], 0) }], undefined)).toEqual({ dtMs: 1 });
  });
});
