import { describe, expect, it } from 'vitest';
import { parseWorkspace } from '../../spec/parseWorkspace.ts';
import type { Workspace } from '../../spec/workspace.ts';
import { studyDefinition } from '../studyRegistry.ts';
import type { StudyDatasetName } from '../studyTypes.ts';
import { NEUEDGE_ENERGY_WEIGHT, NEUEDGE_SWEEP_WEIGHTS } from './neuedgeWorkspaces.ts';

const def = studyDefinition('neuedge');
const ctxOf = (quick: boolean, has: readonly StudyDatasetName[] = []) => ({ quick, has: (n: StudyDatasetName) => has.includes(n) });

/** The neuron model of every spiking layer, or 'relu' for the ANN twin's hidden layer. */
const hiddenKinds = (ws: Workspace) => ws.network.layers.flatMap((l) => (l.kind === 'spiking' ? [l.neuron.model] : l.kind === 'relu' ? ['relu'] : []));

describe('the NeuEdge study', () => {
  it.each([
    ['quick, built-in data', ctxOf(true), ['dvs-shapes', 'digits']],
    ['full, with N-MNIST and FSDD', ctxOf(false, ['nmnist', 'fsdd']), ['nmnist', 'digits']],
  ])('%s: every workspace survives a JSON round trip through parseWorkspace, on the device its role needs', (_name, ctx, ids) => {
    const tasks = def.tasks(ctx);
    expect(tasks.map((t) => t.id)).toEqual(ids);
    for (const task of tasks) {
      const systems = task.systems;
      expect(new Set(systems.map((s) => s.system)).size).toBe(systems.length);
      expect(systems.filter((s) => s.role === 'system').map((s) => s.system)).toEqual(['NeuEdge']);
      for (const s of systems) {
        expect(parseWorkspace(JSON.parse(JSON.stringify(s.workspace)))).toEqual(s.workspace);
        const ann = hiddenKinds(s.workspace).includes('relu');
        expect(s.device).toEqual(ann ? { kind: 'ann', id: 'jetson-nano' } : { kind: 'chip', id: 'loihi' });
        if (ctx.quick) expect(s.workspace.training?.epochs).toBe(1);
        else expect(s.workspace.training?.epochs).toBeGreaterThanOrEqual(4);
      }
      const neuedge = systems.find((s) => s.role === 'system');
      expect(hiddenKinds(neuedge?.workspace as Workspace)).toEqual(['inputAdaptive']);
      expect(neuedge?.workspace.training?.energyLoss).toEqual({ weight: NEUEDGE_ENERGY_WEIGHT });
      expect(systems.map((s) => hiddenKinds(s.workspace)[0])).toEqual(task.id === 'digits' ? ['inputAdaptive', 'inputAdaptive', 'lif', 'alif', 'relu'] : ['inputAdaptive', 'lif', 'alif', 'relu']);
      // Only NeuEdge rows pay the energy term; the baselines train for accuracy.
      for (const s of systems) expect(s.workspace.training?.energyLoss !== undefined).toBe(hiddenKinds(s.workspace)[0] === 'inputAdaptive');
    }
  });

  it('codes audio hybrid for NeuEdge, rate for its coding baseline and the spiking baselines, and gives the ANN values', () => {
    const digits = def.tasks(ctxOf(true)).find((t) => t.id === 'digits');
    const enc = Object.fromEntries((digits?.systems ?? []).map((s) => [s.system, s.workspace.encoder?.kind]));
    expect(enc).toEqual({ NeuEdge: 'hybrid', 'NeuEdge, rate coding': 'rate', 'LIF, rate coding': 'rate', 'ALIF, rate coding': 'rate', 'ANN twin (ReLU)': 'direct' });
    // The coding pair differs in the encoder and nothing else.
    const [hybrid, rate] = digits?.systems ?? [];
    const strip = (ws: Workspace | undefined) => ({ ...ws, name: '', encoder: undefined });
    expect(strip(rate?.workspace)).toEqual(strip(hybrid?.workspace));
  });

  it('sweeps the energy-loss weight on Loihi over systems that differ only in that weight', () => {
    for (const ctx of [ctxOf(true), ctxOf(false, ['nmnist'])]) {
      const [sweep] = def.sweeps?.(ctx) ?? [];
      expect(def.tasks(ctx).map((t) => t.id)).toContain(sweep?.task);
      expect(sweep?.points.map((p) => p.value)).toEqual([...NEUEDGE_SWEEP_WEIGHTS]);
      const without = (ws: Workspace) => ({ ...ws, name: '', training: ws.training ? { ...ws.training, energyLoss: undefined } : undefined });
      const first = sweep?.points[0]?.system.workspace as Workspace;
      for (const p of sweep?.points ?? []) {
        expect(p.system.device).toEqual({ kind: 'chip', id: 'loihi' });
        expect(p.system.workspace.training?.energyLoss?.weight ?? 0).toBe(p.value);
        expect(without(p.system.workspace)).toEqual(without(first));
      }
    }
  });

  it('carries the paper’s four claims, each labelled with its source', () => {
    expect(def.claims.map((c) => c.metric)).toEqual(['accuracy', 'latency', 'efficiency', 'energy saving vs a DNN']);
    expect(def.claims.map((c) => c.value).join(' ')).toMatch(/91–96 %.*2\.3 ms.*847 GOp\/s\/W.*312×/);
    for (const c of def.claims) expect(c.source).toMatch(/NeuEdge/);
  });
});
