import { describe, expect, it } from 'vitest';
import { parseWorkspace } from '../../spec/parseWorkspace.ts';
import type { Workspace } from '../../spec/workspace.ts';
import { studyDefinition } from '../studyRegistry.ts';
import type { StudyDatasetName } from '../studyTypes.ts';
import { ECC_DISTILLATION } from './eccSnnWorkspaces.ts';

const def = studyDefinition('ecc-snn');
const ctxOf = (quick: boolean, has: readonly StudyDatasetName[] = []) => ({ quick, has: (n: StudyDatasetName) => has.includes(n) });
const hiddenKinds = (ws: Workspace) => ws.network.layers.flatMap((l) => (l.kind === 'spiking' ? [l.neuron.model] : l.kind === 'relu' ? ['relu'] : []));

describe('the ECC-SNN study', () => {
  it.each([
    ['quick, built-in data', ctxOf(true), ['heartbeats', 'digits', 'dvs-shapes', 'eeg']],
    ['full, with the recordings', ctxOf(false, ['mitdb', 'fsdd', 'nmnist']), ['heartbeats', 'digits', 'nmnist', 'eeg']],
  ])('%s: four tasks, each a cloud ANN, the edge SNN distilled from it and the same SNN alone, on one data set and seed', (_n, ctx, ids) => {
    const tasks = def.tasks(ctx);
    expect(tasks.map((t) => t.id)).toEqual(ids);
    for (const t of tasks) {
      const [cloud, edge, alone] = t.systems;
      expect(t.systems.map((s) => s.system)).toEqual(['Cloud ANN', 'Edge SNN, distilled', 'Edge SNN alone']);
      for (const s of t.systems) expect(parseWorkspace(JSON.parse(JSON.stringify(s.workspace)))).toEqual(s.workspace);
      expect(cloud?.device).toEqual({ kind: 'ann', id: 'gpu-a100' });
      expect(hiddenKinds(cloud?.workspace as Workspace).every((k) => k === 'relu')).toBe(true);
      expect(edge?.teacher).toBe('Cloud ANN');
      expect(edge?.workspace.training?.distillation).toEqual(ECC_DISTILLATION);
      expect(alone?.workspace.training?.distillation).toBeUndefined();
      for (const s of [edge, alone]) {
        expect(s?.device).toEqual({ kind: 'chip', id: 'loihi' });
        expect(hiddenKinds(s?.workspace as Workspace).every((k) => k === 'lif')).toBe(true);
      }
      // Sample i must be the same recording for teacher and student: same seed, data and data set.
      for (const s of t.systems) {
        expect(s.workspace.seed).toBe(cloud?.workspace.seed);
        expect(s.workspace.data).toEqual(cloud?.workspace.data);
        expect({ ...s.workspace.training?.dataset, steps: 0 }).toEqual({ ...cloud?.workspace.training?.dataset, steps: 0 });
      }
      // The student and the SNN alone differ in distillation only.
      const strip = (ws: Workspace | undefined) => ({ ...ws, name: '', training: { ...ws?.training, distillation: undefined } });
      expect(strip(edge?.workspace)).toEqual(strip(alone?.workspace));
    }
  });

  it('offloads on every task between the distilled edge and the cloud, and learns a new class on the device (the page: digits only)', () => {
    for (const ctx of [ctxOf(true), ctxOf(false)]) {
      const tasks = def.tasks(ctx);
      const off = def.offload?.(ctx) ?? [];
      expect(off.map((o) => o.task)).toEqual(tasks.map((t) => t.id));
      for (const o of off) {
        expect([o.edge, o.cloud, o.edgeAlone]).toEqual(['Edge SNN, distilled', 'Cloud ANN', 'Edge SNN alone']);
        expect(o.bitsPerValue).toBe(o.task === 'dvs-shapes' ? 1 : 16);
      }
      const inc = def.incremental?.(ctx) ?? [];
      expect(inc.map((i) => i.task)).toEqual(ctx.quick ? ['digits'] : tasks.map((t) => t.id));
      for (const i of inc) {
        const task = tasks.find((t) => t.id === i.task);
        const classes = [...(task?.systems[0]?.workspace.network.layers ?? [])].reverse().find((l) => l.kind === 'dense');
        // The last class, except V (2) among the heartbeats' N, S, V, F, Q.
        expect(i.newClass).toBe(i.task === 'heartbeats' ? 2 : classes?.kind === 'dense' ? classes.units - 1 : -1);
      }
    }
  });

  it('carries the paper’s three average claims', () => {
    expect(def.claims.map((c) => c.value).join(' ')).toMatch(/\+4\.15 %.*−79\.4 %.*−39\.1 %/);
  });
});
