import { describe, expect, it } from 'vitest';
import { parseWorkspace } from '../spec/parseWorkspace.ts';
import type { LessonContext, LessonTask } from './lessonTypes.ts';
import { checkTask, TASK_KINDS } from './taskChecks.ts';
import { blankContext, playgroundPart, START_PLAYGROUND } from '../../../test/support/lessonSolutions.ts';

const task = (kind: string, params: Record<string, unknown>): LessonTask => ({ kind, goal: 'g', params });
const stepInput = (amplitude: number, durationMs = 100) => ({ kind: 'step' as const, amplitude, startMs: 0, endMs: durationMs });
const run = (layers: { name: string; spikeCount: number; firstSpikeStep: number | null }[]): LessonContext['run'] => ({
  steps: 200,
  dtMs: 1,
  totalSpikes: layers.reduce((a, l) => a + l.spikeCount, 0),
  layers: layers.map((l) => ({ ...l, neurons: 8 })),
});
const workspace = (neuron: Record<string, unknown>, encoder: Record<string, unknown> = { kind: 'levelCrossing', levels: 8 }) =>
  parseWorkspace({
    schemaVersion: 2,
    network: { layers: [{ kind: 'input', name: 'ecg', shape: [encoder.kind === 'delta' ? 2 : 16] }, { kind: 'dense', name: 'fc1', units: 8 }, { kind: 'spiking', name: 'lif1', neuron }, { kind: 'dense', name: 'fc2', units: 5 }, { kind: 'readout', name: 'classes', mode: 'membrane' }] },
    data: { kind: 'synthetic-ecg', durationS: 2, samplingHz: 360, heartRateBpm: 72 },
    encoder,
  });
const mapping = (o: Partial<NonNullable<LessonContext['mapping']>> = {}) => ({ chip: 'loihi', fits: true, coresUsed: 3, energyJ: 2.5e-6, weightReads: 12_000, ...o });

describe('checkTask on the playground', () => {
  it('counts the spikes of the playground run: the start setup fires 3 in 100 ms, not exactly 5', () => {
    const v = checkTask(task('playground-spike-count', { count: 5 }), blankContext());
    expect(v).toEqual({ done: false, feedback: '3 spikes in 100 ms — you need exactly 5: make it fire more.' });
  });

  it('passes a step of 0.12 from 20 to 80 ms, which fires 5', () => {
    const pg = playgroundPart({ ...START_PLAYGROUND, input: { kind: 'step', amplitude: 0.12, startMs: 20, endMs: 80 } });
    expect(checkTask(task('playground-spike-count', { count: 5, model: 'lif' }), blankContext({ playground: pg }))).toEqual({ done: true, feedback: '5 spikes in 100 ms — that is it.' });
  });

  it('counts only the window it is given and says so', () => {
    // 0.2 from 0 ms: spikes at 5, 11, 17, … every 6 steps; in [0, 30) that is 5, 11, 17, 23, 29.
    const pg = playgroundPart({ ...START_PLAYGROUND, input: stepInput(0.2) });
    expect(checkTask(task('playground-spike-count', { max: 3, toMs: 30 }), blankContext({ playground: pg })).feedback).toBe('5 spikes between 0 and 30 ms — you need at most 3: make it fire fewer.');
  });

  it('refuses another model than the one asked for, naming both', () => {
    const pg = playgroundPart({ ...START_PLAYGROUND, neuron: { model: 'if', threshold: 1, reset: 'subtract' }, input: stepInput(0.05) });
    const v = checkTask(task('playground-spike-count', { count: 5, model: 'lif' }), blankContext({ playground: pg }));
    expect(v.done).toBe(false);
    expect(v.feedback).toContain('Integrate-and-fire (if)');
    expect(v.feedback).toContain('Leaky integrate-and-fire (lif)');
  });

  it('sees adaptation in an ALIF neuron under a steady step and none in a LIF one', () => {
    const alif = playgroundPart({ ...START_PLAYGROUND, durationMs: 200, neuron: { model: 'alif', threshold: 1, adaptation: 0.2 }, input: stepInput(0.3, 200) });
    const v = checkTask(task('playground-pattern', { pattern: 'adaptation', model: 'alif' }), blankContext({ playground: alif }));
    expect(v.done).toBe(true);
    expect(v.feedback).toBe('24 spikes; first interval 5 ms, last 9 ms (×1.80): intervals that lengthen under a steady input — adaptation.');
    const lif = playgroundPart({ ...START_PLAYGROUND, input: stepInput(0.2) });
    expect(checkTask(task('playground-pattern', { pattern: 'adaptation' }), blankContext({ playground: lif })).feedback).toBe('16 spikes; first interval 6 ms, last 6 ms (×1.00) — not adaptation yet (intervals that lengthen under a steady input).');
  });

  it('sees bursts in a chattering Izhikevich neuron, and says so when there are too few spikes', () => {
    const izh = playgroundPart({ ...START_PLAYGROUND, durationMs: 200, neuron: { model: 'izhikevich', a: 0.02, b: 0.2, c: -50, d: 2, vPeakMv: 30 }, input: stepInput(10, 200) });
    expect(checkTask(task('playground-pattern', { pattern: 'bursting' }), blankContext({ playground: izh })).feedback).toBe('16 spikes; 13 short intervals (≤ 7 ms) and 2 long ones (≥ 49 ms), ratio 7.0: groups of quick spikes separated by pauses — bursting.');
    const few = checkTask(task('playground-pattern', { pattern: 'bursting', minSpikes: 4 }), blankContext());
    expect(few).toEqual({ done: false, feedback: '3 spikes — too few to see a pattern; give it more input until it fires at least 4.' });
  });

  it('answers a setup that cannot run with a verdict, not a throw', () => {
    const bad = { ...blankContext().playground, setup: { ...START_PLAYGROUND, neuron: { model: 'lif', threshold: -1 } as never } };
    expect(checkTask(task('playground-pattern', { pattern: 'regular' }), blankContext({ playground: bad }))).toEqual({ done: false, feedback: 'The playground cannot run this setup: set its fields to values it can run with first.' });
  });

  it('reads regular firing from even intervals', () => {
    const lif = playgroundPart({ ...START_PLAYGROUND, input: stepInput(0.2) });
    expect(checkTask(task('playground-pattern', { pattern: 'regular' }), blankContext({ playground: lif })).done).toBe(true);
    const izh = playgroundPart({ ...START_PLAYGROUND, durationMs: 200, neuron: { model: 'izhikevich', a: 0.02, b: 0.2, c: -50, d: 2, vPeakMv: 30 }, input: stepInput(10, 200) });
    expect(checkTask(task('playground-pattern', { pattern: 'regular' }), blankContext({ playground: izh })).feedback).toMatch(/^16 spikes; intervals 3 ms–50 ms, at most \d+ % from their mean [\d.]+ ms — not regular firing yet \(evenly spaced spikes\)\.$/);
  });

  it('checks the second neuron of the pair through the synapse', () => {
    const lif = { model: 'lif' as const, tauMemMs: 20, threshold: 1, reset: 'subtract' as const, refractoryMs: 0 };
    const weak = playgroundPart({ ...START_PLAYGROUND, input: stepInput(0.2), pair: { neuron: lif, weight: 0.3, delayMs: 2 } });
    expect(checkTask(task('pair-second-spikes', { min: 10 }), blankContext({ playground: weak })).feedback).toBe('The first neuron fires 16 spikes, the second 2 spikes in 100 ms — the second needs at least 10.');
    const strong = playgroundPart({ ...START_PLAYGROUND, input: stepInput(0.2), pair: { neuron: lif, weight: 1.2, delayMs: 2 } });
    expect(checkTask(task('pair-second-spikes', { min: 10 }), blankContext({ playground: strong }))).toEqual({ done: true, feedback: 'The first neuron fires 16 spikes, the second 16 spikes in 100 ms — that is it.' });
    expect(checkTask(task('pair-second-spikes', { min: 1 }), blankContext()).feedback).toContain('The pair view is off');
  });
});

describe('checkTask on the workspace, its run and its mapping', () => {
  it('wants few input spikes with an output that still fires', () => {
    const ws = workspace({ model: 'lif', beta: 0.9 });
    const many = run([{ name: 'ecg', spikeCount: 900, firstSpikeStep: 0 }, { name: 'lif1', spikeCount: 40, firstSpikeStep: 12 }]);
    const p = { kinds: ['levelCrossing', 'delta'], maxInputSpikes: 500 };
    expect(checkTask(task('encoder-spikes', p), blankContext({ workspace: ws, run: many })).feedback).toBe("The levelCrossing encoder sends 900 input spikes; the output layer 'lif1' fires 40 — too many input spikes: at most 500.");
    const silent = run([{ name: 'ecg', spikeCount: 300, firstSpikeStep: 0 }, { name: 'lif1', spikeCount: 0, firstSpikeStep: null }]);
    expect(checkTask(task('encoder-spikes', p), blankContext({ workspace: ws, run: silent })).feedback).toContain('the output must still fire');
    const good = run([{ name: 'ecg', spikeCount: 300, firstSpikeStep: 0 }, { name: 'lif1', spikeCount: 9, firstSpikeStep: 30 }]);
    expect(checkTask(task('encoder-spikes', p), blankContext({ workspace: ws, run: good }))).toEqual({ done: true, feedback: "The levelCrossing encoder sends 300 input spikes; the output layer 'lif1' fires 9: few input spikes, and the beats still get through." });
    expect(checkTask(task('encoder-spikes', { kinds: ['delta'], maxInputSpikes: 500 }), blankContext({ workspace: ws, run: good })).feedback).toBe('The levelCrossing encoder is on — this task wants one of: delta.');
  });

  it('puts the playback cursor on the output layer’s first spike', () => {
    const ws = workspace({ model: 'lif', beta: 0.9 });
    const r = run([{ name: 'ecg', spikeCount: 300, firstSpikeStep: 0 }, { name: 'lif1', spikeCount: 9, firstSpikeStep: 30 }]);
    expect(checkTask(task('cursor-on-first-spike', {}), blankContext({ workspace: ws, run: r, playbackStep: 12 })).feedback).toBe("The cursor is at step 12 (12.0 ms) — the first spike of 'lif1' is 18 steps later.");
    expect(checkTask(task('cursor-on-first-spike', {}), blankContext({ workspace: ws, run: r, playbackStep: 30 }))).toEqual({ done: true, feedback: "The cursor is at step 30 (30.0 ms): the first spike of 'lif1'." });
    expect(checkTask(task('cursor-on-first-spike', { layer: 'ecg' }), blankContext({ workspace: ws, run: r, playbackStep: 0 })).done).toBe(true);
    expect(checkTask(task('cursor-on-first-spike', { layer: 'fc9' }), blankContext({ workspace: ws, run: r, playbackStep: 30 })).feedback).toBe("The run has no layer 'fc9'.");
    expect(checkTask(task('cursor-on-first-spike', {}), blankContext({ workspace: ws })).done).toBe(false);
  });

  it("reads a layer's neuron model from the network", () => {
    expect(checkTask(task('layer-neuron-model', { model: 'ssf', layer: 'lif1' }), blankContext({ workspace: workspace({ model: 'lif' }) })).feedback).toBe(
      "'lif1' is Leaky integrate-and-fire (lif) — make 'lif1' Sum-spike-and-fire (SSF) (ssf) (select it in the graph, then the inspector's neuron model).",
    );
    expect(checkTask(task('layer-neuron-model', { model: 'ssf' }), blankContext({ workspace: workspace({ model: 'ssf', windowSteps: 8 }) }))).toEqual({ done: true, feedback: "Layer 'lif1' runs Sum-spike-and-fire (SSF) (ssf) neurons." });
  });

  it('checks the test accuracy against its bound', () => {
    expect(checkTask(task('test-accuracy', { min: 0.8 }), blankContext({ testAccuracy: 0.72 })).feedback).toBe('Test accuracy 72.0 % — you need at least 80.0 %: train again (more epochs or beats).');
    expect(checkTask(task('test-accuracy', { min: 0.8 }), blankContext({ testAccuracy: 0.893 }))).toEqual({ done: true, feedback: 'Test accuracy 89.3 %: at least 80.0 %.' });
    expect(checkTask(task('test-accuracy', { min: 0.8 }), blankContext()).feedback).toContain('No training has finished yet');
  });

  it('checks the mapping: chip, fit, energy and cores', () => {
    const p = { chip: 'loihi', maxEnergyJ: 1e-6 };
    expect(checkTask(task('chip-mapping', p), blankContext()).feedback).toContain('No mapping on screen yet');
    expect(checkTask(task('chip-mapping', p), blankContext({ mapping: mapping({ chip: 'asic' }) })).feedback).toBe("The mapping is on 'asic' — this task needs 'loihi': pick it in the chip select.");
    expect(checkTask(task('chip-mapping', p), blankContext({ mapping: mapping() })).feedback).toBe("On 'loihi' the network fits in 3 cores at 2.50 µJ per inference — bring it to 1.00 µJ or less.");
    expect(checkTask(task('chip-mapping', {}), blankContext({ mapping: mapping({ fits: false }) })).feedback).toContain('it must fit');
    expect(checkTask(task('chip-mapping', { maxCores: 2 }), blankContext({ mapping: mapping() })).feedback).toContain('use at most 2 cores');
    expect(checkTask(task('chip-mapping', p), blankContext({ mapping: mapping({ energyJ: 8e-7 }) }))).toEqual({ done: true, feedback: "On 'loihi' the network fits in 3 cores at 800 nJ per inference." });
  });

  it('checks the weight reads per inference', () => {
    expect(checkTask(task('weight-reads', { maxReads: 5000 }), blankContext({ mapping: mapping() })).feedback).toBe('The mapping reads 12\u2009000 weights per inference — bring it to 5\u2009000 or fewer.');
    expect(checkTask(task('weight-reads', { maxReads: 5000 }), blankContext({ mapping: mapping({ weightReads: 4000 }) }))).toEqual({ done: true, feedback: 'The mapping reads 4\u2009000 weights per inference: at most 5\u2009000.' });
  });

  it('sees an action recorded in the step and the open view', () => {
    expect(checkTask(task('action-done', { action: 'figure:surrogate-slope' }), blankContext({ actions: ['pattern:bursting'] }))).toEqual({ done: false, feedback: "Not done yet: follow the step's goal." });
    expect(checkTask(task('action-done', { action: 'pattern:bursting', times: 3 }), blankContext({ actions: ['pattern:bursting'] })).feedback).toBe('Done 1 time of 3 so far.');
    expect(checkTask(task('action-done', { action: 'figure:surrogate-slope' }), blankContext({ actions: ['pattern:bursting', 'figure:surrogate-slope'] }))).toEqual({ done: true, feedback: 'Done.' });
    expect(checkTask(task('view-open', { view: 'chip' }), blankContext()).feedback).toBe('The neuron view is open — open the chip view.');
    expect(checkTask(task('view-open', { view: 'chip' }), blankContext({ view: 'chip' }))).toEqual({ done: true, feedback: 'The chip view is open.' });
  });

  it('answers an unknown kind or bad params with a verdict, never a throw', () => {
    expect(checkTask(task('nope', {}), blankContext()).feedback).toContain("Unknown task kind 'nope'");
    expect(checkTask(task('test-accuracy', { min: 'high' }), blankContext()).feedback).toContain('settings are invalid');
  });

  it('has an example for every kind that its own schema accepts', () => {
    for (const [kind, k] of Object.entries(TASK_KINDS)) expect(k.params.safeParse(k.example).success, kind).toBe(true);
  });
});
