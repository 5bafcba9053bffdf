import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tinyEcgWorkspace } from '../../../test/support/tinyStudy.ts';
import { SpecError } from '../errors.ts';
import { compileNetwork } from '../network/compile.ts';
import { inputWidth, parseWorkspace } from '../spec/parseWorkspace.ts';
import { ECG_BEATS_DEFAULT, trainingSchema } from '../spec/trainingConfig.ts';
import type { Workspace } from '../spec/workspace.ts';
import { kernelPlan } from './kernelTraining.ts';
import { sampleOutputs } from './sampleOutputs.ts';
import { checkSetsFit, chooseTrainEngine, DISTILLATION_NEEDS_TEACHER, teacherLogits, trainWorkspace } from './trainWorkspace.ts';
import { trainingSets } from '../trainingSets/workspaceSets.ts';

/** A beat-window workspace draft whose synthetic source runs at `hz` (its input layer is set by each test). */
function windowWorkspace(hz: number, outUnits = 5) {
  const draft = {
    schemaVersion: 1,
    name: 'w',
    seed: 2,
    network: { layers: [{ kind: 'input', name: 'in', shape: [1] }, { kind: 'dense', name: 'fc', units: outUnits }, { kind: 'spiking', name: 'out', neuron: { model: 'lif' } }] },
    data: { kind: 'synthetic-ecg', samplingHz: hz, leads: 2, durationS: 4 },
    encoder: { kind: 'direct', gain: 1 },
    training: { dataset: { kind: 'ecg-beats', beats: 40, decimate: 2, input: 'window', leads: 2, rrFeatures: true, steps: 4 } },
  };
  return draft;
}

describe('trainingSets fit the network the page feeds', () => {
  it('synthetic beats are cut at the source’s sampling rate, so a 250 Hz window workspace trains with its input width', () => {
    const draft = windowWorkspace(250);
    // 0.25 s and 0.45 s at 250 Hz round to 63 + 113 = 176 samples, decimated by 2 → 88 per lead;
    // 2 leads + 5 RR features.
    const want = 2 * 88 + 5;
    const ws = parseWorkspace({ ...draft, network: { layers: [{ kind: 'input', name: 'in', shape: [want] }, ...draft.network.layers.slice(1)] } });
    expect(inputWidth(ws)).toBe(want);
    const sets = trainingSets(ws, ws.training ?? trainingSchema.parse({}));
    expect(sets.train.neurons).toBe(want);
    expect(() => checkSetsFit(ws, sets)).not.toThrow();
  });

  it('a network that ends in the wrong number of units is refused before training, naming both counts', () => {
    const draft = windowWorkspace(250, 3);
    const ws = parseWorkspace({ ...draft, network: { layers: [{ kind: 'input', name: 'in', shape: [181] }, ...draft.network.layers.slice(1)] } });
    const sets = trainingSets(ws, ws.training ?? trainingSchema.parse({}));
    expect(() => checkSetsFit(ws, sets)).toThrow(SpecError);
    expect(() => checkSetsFit(ws, sets)).toThrow(/5 classes but the network ends in 3 units/);
  });
});

describe('trainWorkspace with distillation', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  const lif = { kind: 'spiking', neuron: { model: 'lif', beta: 0.9 } } as const;
  const distilling = (weight: number, base: Workspace = tinyEcgWorkspace(lif)): Workspace => ({
    ...base,
    name: 'edge SNN',
    training: { ...(base.training ?? trainingSchema.parse({})), distillation: { temperature: 4, weight } },
  });
  const teacherWs = (): Workspace => ({ ...tinyEcgWorkspace({ kind: 'relu' }), name: 'cloud ANN' });

  it('refuses a distilling workspace without a teacher at training.distillation, saying how to train it', async () => {
    const err = await trainWorkspace(distilling(0.5), undefined, {}, { engine: 'tfjs' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpecError);
    expect((err as SpecError).issues[0]?.path).toBe('training.distillation');
    expect((err as SpecError).issues[0]?.message).toBe(DISTILLATION_NEEDS_TEACHER);
    expect(DISTILLATION_NEEDS_TEACHER).toMatch(/Studies ▸ ECC-SNN ▸ Run.*remove the distillation setting/);
  });

  it("refuses the 'mseCount' loss with distillation before building any data", async () => {
    const ws = distilling(0.5);
    const mse = { ...ws, training: { ...(ws.training ?? trainingSchema.parse({})), loss: 'mseCount' as const } };
    const teacher = { workspace: teacherWs(), weights: {} };
    await expect(trainWorkspace(mse, undefined, {}, { engine: 'tfjs', teacher })).rejects.toThrow(/'mseCount' has none/);
  });

  it('the BPTT kernel gives way to tfjs for distillation, and says why', () => {
    const ws = distilling(0.5);
    const cfg = ws.training ?? trainingSchema.parse({});
    const plan = kernelPlan(ws.network, cfg, 1);
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.reason).toMatch(/distillation/);
    expect(chooseTrainEngine(ws, cfg, 1, {}).name).toBe('tfjs');
  });

  it("attaches the teacher's logits of the student's own training samples, and refuses a teacher trained on other data", async () => {
    const teacher = await trainWorkspace(teacherWs(), undefined, {}, { engine: 'tfjs' });
    const student = distilling(0.5);
    const sets = trainingSets(student, student.training ?? trainingSchema.parse({}));
    const logits = teacherLogits(sets, teacher, undefined);
    expect(logits).toHaveLength(sets.train.labels.length);
    // The teacher's own forward pass over its training samples, in the same order.
    const tws = teacher.workspace;
    const tsets = trainingSets(tws, tws.training ?? trainingSchema.parse({}));
    const direct = sampleOutputs(compileNetwork(tws.network, teacher.weights, tws.seed), tsets.train, tsets.dtMs, tws.training ?? trainingSchema.parse({})).logits;
    expect(logits.map((l) => Array.from(l))).toEqual(direct.map((l) => Array.from(l)));
    // Another seed cuts other beats: the labels no longer agree sample for sample.
    const otherSeed = { workspace: { ...teacher.workspace, seed: 11 }, weights: teacher.weights };
    expect(() => teacherLogits(sets, otherSeed, undefined)).toThrow(/the teacher and the student must train on the same data set and seed/);
    const fewer = { workspace: { ...teacher.workspace, training: { ...(tws.training ?? trainingSchema.parse({})), dataset: { ...ECG_BEATS_DEFAULT, beats: 40, decimate: 4 } } }, weights: teacher.weights };
    expect(() => teacherLogits(sets, fewer, undefined)).toThrow(/same data set and seed: the teacher 'cloud ANN' has \d+ training samples, the student \d+/);
  });

  it('trains on the mixed loss: α = 0 learns exactly what labels alone teach, α = 1 learns otherwise; the report names the teacher', async () => {
    const teacher = await trainWorkspace(teacherWs(), undefined, {}, { engine: 'tfjs' });
    const alone = await trainWorkspace(tinyEcgWorkspace(lif), undefined, {}, { engine: 'tfjs' });
    const zero = await trainWorkspace(distilling(0), undefined, {}, { engine: 'tfjs', teacher });
    const tensors = tf.memory().numTensors;
    const one = await trainWorkspace(distilling(1), undefined, {}, { engine: 'tfjs', teacher });
    // The teacher's pass and the distilled batches leave no tensor behind.
    expect(tf.memory().numTensors).toBe(tensors);
    expect(alone.distilled).toBeUndefined();
    expect(zero.distilled).toEqual({ temperature: 4, weight: 0, teacher: 'cloud ANN' });
    expect(Array.from(zero.weights['fc1']?.values ?? [])).toEqual(Array.from(alone.weights['fc1']?.values ?? []));
    expect(Array.from(one.weights['fc1']?.values ?? [])).not.toEqual(Array.from(alone.weights['fc1']?.values ?? []));
    expect(one.engine.name).toBe('tfjs');
    expect(one.history[0]?.loss).not.toBe(alone.history[0]?.loss);
  });
});
