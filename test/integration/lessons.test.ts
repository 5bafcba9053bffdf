import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LESSON_PRESET_IDS } from '../../src/core/teach/lessonControls.ts';
import { formatLessonProblems, validateLessonText } from '../../src/core/teach/lessonSchema.ts';
import type { Lesson } from '../../src/core/teach/lessonTypes.ts';
import { runPlayground } from '../../src/core/teach/playgroundRun.ts';
import { checkTask } from '../../src/core/teach/taskChecks.ts';
import { AAMI_CLASSES } from '../../src/core/data/datasets/aami.ts';
import { createEventEngine } from '../../src/core/engine/event/eventEngine.ts';
import { resolveChip } from '../../src/core/hardware/chips/index.ts';
import { CHIP_TARGET_DEFAULT } from '../../src/core/hardware/chipTarget.ts';
import { mapWorkspace } from '../../src/core/hardware/mapWorkspace.ts';
import { SURROGATES } from '../../src/core/train/surrogate.ts';
import { editedPreset, LESSON_SOLUTIONS, mappingPart, runPart } from '../support/lessonSolutions.ts';

const LESSONS_DIR = join(import.meta.dirname, '..', '..', 'public', 'lessons');
const index = JSON.parse(readFileSync(join(LESSONS_DIR, 'index.json'), 'utf8')) as { lessons: string[] };

function loadLesson(id: string): Lesson {
  const v = validateLessonText(readFileSync(join(LESSONS_DIR, `${id}.lesson.json`), 'utf8'), { presets: LESSON_PRESET_IDS });
  if (!v.ok) throw new Error(`${id}:\n${formatLessonProblems(v.problems)}`);
  return v.lesson;
}

describe('the shipped lessons', () => {
  it('lists at least seven lessons in index.json, exactly the .lesson.json files of the folder', () => {
    const files = readdirSync(LESSONS_DIR).filter((f) => f.endsWith('.lesson.json')).map((f) => f.replace('.lesson.json', ''));
    expect(index.lessons.length).toBeGreaterThanOrEqual(7);
    expect([...index.lessons].sort()).toEqual(files.sort());
  });

  it('has a solution for every task step and none for a step without a task', () => {
    for (const id of index.lessons) {
      const withTask = loadLesson(id).steps.flatMap((s, i) => (s.task ? [String(i)] : []));
      expect(Object.keys(LESSON_SOLUTIONS[id] ?? {}), id).toEqual(withTask);
    }
  });

  for (const id of index.lessons)
    describe(id, () => {
      it('validates, and its id is its file name', () => {
        expect(loadLesson(id).id).toBe(id);
      });

      it('writes only the markup the page renders (**bold**, `code`), no stray asterisks', () => {
        for (const step of loadLesson(id).steps) expect(step.text.replace(/\*\*[^*]+\*\*/g, '').replace(/`[^`]+`/g, ''), step.title).not.toContain('*');
      });

      it("fails each task at the step's start and passes it once the student has done it", async () => {
        const lesson = loadLesson(id);
        for (const [i, step] of lesson.steps.entries()) {
          const solution = LESSON_SOLUTIONS[id]?.[i];
          if (!step.task || !solution) continue;
          const start = checkTask(step.task, await solution.start(step));
          expect(start.done, `${id} step ${i + 1} at its start: ${start.feedback}`).toBe(false);
          for (const solve of solution.solved) {
            const done = checkTask(step.task, await solve(step));
            expect(done.done, `${id} step ${i + 1} solved: ${done.feedback}`).toBe(true);
          }
        }
      }, 60_000);
    });
});

/** The figures the lessons' texts quote, recomputed with the core: a text must not drift from the page. */
describe("the lessons' figures", () => {
  const step = (id: string, i: number) => loadLesson(id).steps[i];

  it('spikes-and-membranes: the start playground fires 3 spikes in 100 ms', () => {
    expect(runPlayground(step('spikes-and-membranes', 1)?.playground ?? ({} as never)).first.spikeSteps).toHaveLength(3);
  });

  it('neuron-models: under 0.03 the LIF membrane settles near 0.6 at τ = 20 ms; τ = 30 ms still does not fire, 50 ms does; an IF neuron fires', () => {
    const setup = step('neuron-models', 0)?.playground;
    if (!setup) throw new Error('no playground');
    const run = runPlayground(setup).first;
    expect(run.spikeSteps).toEqual([]);
    expect(run.membrane[99]).toBeCloseTo(0.03 / (1 - Math.exp(-1 / 20)), 1);
    const withTau = (tauMemMs: number) => runPlayground({ ...setup, neuron: { ...setup.neuron, tauMemMs } as typeof setup.neuron }).first.spikeSteps.length;
    expect(withTau(30)).toBe(0);
    expect(withTau(50)).toBeGreaterThan(0);
    expect(runPlayground({ ...setup, neuron: { model: 'if', threshold: 1, reset: 'subtract' } }).first.spikeSteps.length).toBeGreaterThan(0);
  });

  it('encoding-signals: the default preset is 4 s of ECG at 72 beats per minute, 16 levels × 2 directions = 32 input neurons', () => {
    const ws = editedPreset('default');
    expect(ws.data).toMatchObject({ kind: 'synthetic-ecg', durationS: 4, heartRateBpm: 72 });
    expect(ws.encoder).toEqual({ kind: 'levelCrossing', levels: 16 });
    expect(ws.network.layers[0]).toMatchObject({ shape: [32] });
    expect(ws.network.layers.filter((l) => l.kind === 'spiking').map((l) => l.name).pop()).toBe('lif2');
  });

  it('encoding-signals: 16 levels send 375 input spikes in 4 s; latency sends one in every window of 20 steps', async () => {
    const lc = await runPart(editedPreset('default'));
    expect(lc.layers[0]?.spikeCount).toBe(375);
    const latency = await runPart(editedPreset('default', { encoder: { kind: 'latency' } }));
    expect(latency.layers[0]?.spikeCount).toBe(latency.steps / 20);
  });

  it('reading-a-raster: the input and lif1 fire first in the same step; the cue network’s lif within the first 5 steps, after its input', async () => {
    const ecg = await runPart(editedPreset('ecg-synthetic'));
    expect(ecg.layers.map((l) => l.name)).toEqual(['ecg', 'lif1']);
    expect(ecg.layers[1]?.firstSpikeStep).toBe(ecg.layers[0]?.firstSpikeStep);
    const cue = await runPart(editedPreset('cue-memory-rsnn'));
    expect(cue.layers[0]?.firstSpikeStep).toBe(0);
    expect(cue.layers[1]?.firstSpikeStep).toBeGreaterThan(0);
    expect(cue.layers[1]?.firstSpikeStep).toBeLessThanOrEqual(5);
  });

  it('surrogate-training: ecg-synthetic trains 64 LIF neurons into the 5 AAMI classes with the fast sigmoid of slope 25, 1/(k|x|+1)²', () => {
    const ws = editedPreset('ecg-synthetic');
    expect(ws.training?.surrogate).toEqual({ name: 'fastSigmoid', slope: 25 });
    expect(SURROGATES.fastSigmoid(0.1, 25)).toBeCloseTo(1 / (25 * 0.1 + 1) ** 2, 12);
    expect(ws.network.layers.find((l) => l.kind === 'dense' && l.name === 'fc1')).toMatchObject({ units: 64 });
    expect(ws.network.layers.find((l) => l.name === 'lif1')).toMatchObject({ kind: 'spiking', neuron: { model: 'lif' } });
    expect(ws.network.layers.find((l) => l.name === 'fc2')).toMatchObject({ units: AAMI_CLASSES.length });
  });

  it('chip-costs: ecg-synthetic maps on Loihi by default; most of its energy there is static, on the asic and TrueNorth synaptic ops weigh as much or more', async () => {
    expect(editedPreset('ecg-synthetic').chip ?? CHIP_TARGET_DEFAULT).toMatchObject({ id: 'loihi' });
    const energy = async (chip: string) => (await mapWorkspace(editedPreset('ecg-synthetic', { chip }), createEventEngine())).energy;
    const loihi = await energy('loihi');
    expect(loihi.staticJ / loihi.totalJ).toBeGreaterThan(0.9);
    for (const chip of ['asic', 'truenorth']) {
      const e = await energy(chip);
      expect(e.synOpsJ).toBeGreaterThanOrEqual(0.9 * e.staticJ);
    }
  });

  it('ssf-weight-reads: the asic charges 1.25 pJ per weight read', () => {
    expect(resolveChip({ ...CHIP_TARGET_DEFAULT, id: 'asic' }).energy.weightReadPJ).toBe(1.25);
  });

  it('chip-costs: one Loihi core over 1 µJ; the asic and TrueNorth under 1 µJ', async () => {
    const loihi = await mappingPart(editedPreset('ecg-synthetic', { chip: 'loihi' }));
    expect(loihi).toMatchObject({ fits: true, coresUsed: 1 });
    expect(loihi.energyJ).toBeGreaterThan(1e-6);
    for (const chip of ['asic', 'truenorth']) expect((await mappingPart(editedPreset('ecg-synthetic', { chip }))).energyJ).toBeLessThan(1e-6);
  });

  it('ssf-weight-reads: about 16,400 reads with LIF, fewer with SSF, and a window of 4 steps still above 14,000', async () => {
    const lif = await mappingPart(editedPreset('ecg-synthetic', { chip: 'asic' }));
    expect(Math.round(lif.weightReads / 100) * 100).toBe(16_400);
    const ssf = await mappingPart(editedPreset('ecg-synthetic', { chip: 'asic', neuron: { layer: 'lif1', model: 'ssf' } }));
    expect(ssf.weightReads).toBeLessThan(lif.weightReads);
    expect(ssf.weightReads).toBeLessThanOrEqual(14_000);
    const window4 = await mappingPart(editedPreset('ecg-synthetic', { chip: 'asic', neuron: { layer: 'lif1', model: 'ssf', params: { windowSteps: 4 } } }));
    expect(window4.weightReads).toBeGreaterThan(14_000);
  }, 30_000);
});
