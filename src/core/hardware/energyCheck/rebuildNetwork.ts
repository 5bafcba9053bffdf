import { createRng, type Rng } from '../../rng.ts';
import { networkSchema, type NetworkSpec } from '../../spec/network.ts';
import type { StepEvents } from '../costModel.ts';
import { populationsOf } from '../populations.ts';
import type { NetworkPlan } from './planTypes.ts';

/** The plan's network, validated as a workspace network (a malformed plan is a SpecError naming the path). */
export function planNetwork(plan: NetworkPlan): NetworkSpec {
  return networkSchema.parse(plan.network);
}

/** Spikes of `size` channels over `steps`, each firing with probability p per step, sorted by step. */
function bernoulliTrain(size: number, steps: number, p: number, rng: Rng): { times: Uint32Array; ids: Uint32Array } {
  const times: number[] = [];
  const ids: number[] = [];
  if (p > 0) for (let t = 0; t < steps; t++) for (let i = 0; i < size; i++) if (p >= 1 || rng.next() < p) {
    times.push(t);
    ids.push(i);
  }
  return { times: Uint32Array.from(times), ids: Uint32Array.from(ids) };
}

/**
 * The recorded spikes the cost model reads, for one inference of the plan: every input channel and
 * every neuron fires at its rate (probability rate·dt per step), drawn from a seeded stream per
 * population, so a row costs the same on every run. Rates are set, not simulated, because the
 * papers give no weights to simulate with; `rateSource` says where each rate comes from.
 */
export function planEvents(plan: NetworkPlan, net: NetworkSpec, seed: number, rowId: string): StepEvents {
  const graph = populationsOf(net);
  const p = (hz: number) => Math.min(1, (hz * plan.dtMs) / 1000);
  return {
    steps: plan.steps,
    inferences: 1,
    dtMs: plan.dtMs,
    input: bernoulliTrain(graph.input.size, plan.steps, p(plan.inputRateHz), createRng(seed, `energy-check:${rowId}:input`)),
    pops: graph.populations.map((pop) =>
      bernoulliTrain(pop.size, plan.steps, p(plan.layerRatesHz?.[pop.name] ?? plan.layerRateHz), createRng(seed, `energy-check:${rowId}:${pop.name}`)),
    ),
  };
}
