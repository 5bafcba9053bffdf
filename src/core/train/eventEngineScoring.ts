import type { SumPrecision } from '../spec/precision.ts';
import { createEventEngine } from '../engine/event/eventEngine.ts';
import type { CompiledNetwork } from '../engine/types.ts';
import { argmaxOf } from '../engine/readout/readoutDecision.ts';
import { shapeSize } from '../network/shapes.ts';
import { classMetrics, type ClassMetrics } from './metrics.ts';
import type { LabelledSet } from './trainer.ts';
import { addTally, createActivityTally, type ActivityTally } from '../engine/activityTally.ts';

/** Samples simulated together: the event engine runs a batch in one pass over the steps. */
const BATCH = 10;


/**
 * Predicts every sample of a set on the event engine, the reference that runs every graph (the
 * tfjs predictor runs chains only): the class is the output neuron that spiked most over the run
 * (a spiking last node, as the NIR paper scores its CNN: the mean of the output spikes over time),
 * or the largest value of a read-out's reduced result. Samples go through in batches of 10. With
 * `activity`, the runs also count what NeuroBench's metrics need into it.
 */
export async function predictOnEvents(net: CompiledNetwork, set: LabelledSet, dtMs: number, activity?: ActivityTally, precision?: SumPrecision): Promise<Int32Array> {
  const engine = createEventEngine();
  const last = net.spec.layers[net.spec.layers.length - 1];
  const units = shapeSize(net.shapes[net.shapes.length - 1] ?? [1]);
  const out = new Int32Array(set.labels.length);
  for (let start = 0; start < set.labels.length; start += BATCH) {
    const batch = Math.min(BATCH, set.labels.length - start);
    const values = new Float32Array(set.steps * batch * set.neurons);
    for (let b = 0; b < batch; b++) {
      const x = set.inputs[start + b] ?? new Float32Array(0);
      for (let t = 0; t < set.steps; t++) {
        const src = set.held ? 0 : t * set.neurons;
        values.set(x.subarray(src, src + set.neurons), (t * batch + b) * set.neurons);
      }
    }
    const r = await engine.simulate(net, { steps: set.steps, batch, neurons: set.neurons, values }, { dtMs, countActivity: activity !== undefined, ...(precision ? { precision } : {}) });
    if (activity && r.activity) addTally(activity, r.activity);
    const readout = r.readouts.find((x) => x.name === last?.name);
    for (let b = 0; b < batch; b++) {
      if (readout) {
        out[start + b] = argmaxOf(readout.values, b * units, units);
        continue;
      }
      const counts = new Float64Array(units);
      const train = r.layers.find((l) => l.name === last?.name)?.spikes[b];
      for (const id of train?.ids ?? []) counts[id] = (counts[id] ?? 0) + 1;
      out[start + b] = argmaxOf(counts, 0, units);
    }
  }
  return out;
}

/** Scores a set on the event engine (predictOnEvents). */
export async function evaluateOnEvents(net: CompiledNetwork, set: LabelledSet, dtMs: number, precision?: SumPrecision): Promise<ClassMetrics> {
  return classMetrics(set.labels, await predictOnEvents(net, set, dtMs, undefined, precision), set.classes);
}

/** Scores a set on the event engine and counts, during the same runs, the activity NeuroBench's metrics need. */
export async function evaluateOnEventsWithActivity(net: CompiledNetwork, set: LabelledSet, dtMs: number, precision?: SumPrecision): Promise<{ metrics: ClassMetrics; activity: ActivityTally }> {
  const activity = createActivityTally(net);
  const pred = await predictOnEvents(net, set, dtMs, activity, precision);
  return { metrics: classMetrics(set.labels, pred, set.classes), activity };
}
