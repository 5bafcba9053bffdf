import { throwIfAborted } from '../../errors.ts';
import type { Engine, EngineInfo, SimulationResult } from '../types.ts';
import type { CompiledNetwork, SimInput, SimOptions } from '../types.ts';
import { buildEventPlan, keepRecurrentOutputs, stepLayer, type EventPlan } from './eventPlan.ts';
import { createRunRecorder } from '../runRecorder.ts';
import { yieldToEventLoop, shouldYield } from '../yieldControl.ts';
import { createActivityTally } from '../activityTally.ts';
import { eventTallier } from './eventTally.ts';

/**
 * The event-driven typed-array engine: the readable reference for sparse activity. Synaptic work
 * is proportional to events × fan-out (see propagate.ts); neuron updates use the registry's step
 * functions with double buffering, so no allocation happens inside the time loop.
 */
export function createEventEngine(): Engine {
  const info: EngineInfo = {
    name: 'events',
    backend: 'typed-arrays',
    reason: 'event-driven engine on typed arrays (work proportional to spikes × fan-out)',
  };
  return {
    info: () => info,
    simulate: (net, input, options) => simulateEvents(net, input, options),
    dispose: () => undefined,
  };
}

async function simulateEvents(net: CompiledNetwork, input: SimInput, options: SimOptions): Promise<SimulationResult> {
  const started = Date.now();
  const plan: EventPlan = buildEventPlan(net, input, options.precision);
  const recorder = createRunRecorder(net, input, options);
  const tally = options.countActivity ? createActivityTally(net) : undefined;
  const count = tally ? eventTallier(tally) : undefined;
  const progressEvery = Math.max(1, Math.floor(input.steps / 20));
  let lastYield = Date.now();
  for (let t = 0; t < input.steps; t++) {
    throwIfAborted(options.signal, 'simulation');
    const ctx = { dtMs: options.dtMs, t, steps: input.steps };
    for (const layer of plan.layers) {
      const out = stepLayer(plan, layer, input, ctx);
      recorder.record(layer.index, t, out.values, out.membrane);
      count?.(layer);
    }
    keepRecurrentOutputs(plan);
    if ((t + 1) % progressEvery === 0 || t + 1 === input.steps) options.onProgress?.(t + 1, input.steps);
    if (shouldYield(lastYield)) {
      await yieldToEventLoop();
      lastYield = Date.now();
    }
  }
  const result = recorder.finish('events', plan.readoutValues(), Date.now() - started);
  if (!tally) return result;
  tally.samples = input.batch;
  tally.steps = input.steps;
  return { ...result, activity: tally };
}
