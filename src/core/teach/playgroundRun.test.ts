import { describe, expect, it } from 'vitest';
import { neuronModel, neuronSpecSchema } from '../neurons/index.ts';
import { inputCurrent, runPlayground } from './playgroundRun.ts';

/** The registry's step over a population of one, without double buffering: the steps it spiked on. */
function directSpikes(spec: unknown, input: Float32Array): number[] {
  const params = neuronSpecSchema.parse(spec);
  const model = neuronModel(params.model);
  let state = model.init(1, params);
  const out: number[] = [];
  for (let t = 0; t < input.length; t++) {
    const r = model.step(state, input.subarray(t, t + 1), params, { dtMs: 1, t, steps: input.length });
    if ((r.spikes[0] as number) > 0) out.push(t);
    state = r.state;
  }
  return out;
}

describe('runPlayground', () => {
  it('fires an LIF under a step of current only while the step lasts, and the pair passes spikes on after the delay', () => {
    const setup = { neuron: { model: 'lif' as const, beta: 0.9, threshold: 1, reset: 'subtract' as const, refractoryMs: 0 }, input: { kind: 'step' as const, amplitude: 0.3, startMs: 20, endMs: 60 }, durationMs: 100, dtMs: 1, pair: null };
    const run = runPlayground(setup);
    expect(run.steps).toBe(100);
    expect(run.first.spikeSteps.length).toBeGreaterThan(3);
    expect(run.first.spikeSteps.every((t) => t >= 20 && t < 60)).toBe(true);
    // The same spikes as the registry's step run directly over a population of one.
    expect(run.first.spikeSteps).toEqual(directSpikes(setup.neuron, inputCurrent(setup.input, 100, 1)));
    const pair = runPlayground({ ...setup, pair: { neuron: { model: 'if', threshold: 1, reset: 'zero' }, weight: 1.5, delayMs: 3 } });
    expect(pair.second?.spikeSteps).toEqual(run.first.spikeSteps.map((t) => t + 3).filter((t) => t < 100));
  });

  it('counts graded spikes in full and passes count × weight through the synapse; refuses lengths it cannot run', () => {
    // SSF over 20-step windows of 0.25 per step: floor(20·0.25/1) = 5 spikes at the end of each window.
    const run = runPlayground({ neuron: { model: 'ssf', threshold: 1, windowSteps: 20, maxSpikes: 255 }, input: { kind: 'step', amplitude: 0.25, startMs: 0, endMs: 100 }, durationMs: 100, dtMs: 1, pair: { neuron: { model: 'if', threshold: 100, reset: 'zero' }, weight: 0.5, delayMs: 1 } });
    expect(run.first.spikeSteps).toEqual([19, 39, 59, 79, 99]);
    expect(run.first.spikeSizes).toEqual([5, 5, 5, 5, 5]);
    expect(run.first.spikeCount).toBe(25);
    expect(run.second?.input[20]).toBe(2.5);
    const lif = { model: 'lif' as const, threshold: 1, reset: 'subtract' as const, refractoryMs: 0 };
    expect(() => runPlayground({ neuron: lif, input: { kind: 'ramp', from: 0, to: 1 }, durationMs: 100, dtMs: 0, pair: null })).toThrow(/time step must be a positive/);
    expect(() => runPlayground({ neuron: lif, input: { kind: 'ramp', from: 0, to: 1 }, durationMs: 1e6, dtMs: 1, pair: null })).toThrow(/at most 20000/);
  });
});
