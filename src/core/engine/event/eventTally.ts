import type { ActivationTally, ActivityTally, ConnectionInputTally } from '../activityTally.ts';
import type { Activity } from './propagate.ts';
import type { PlanLayer } from './eventPlan.ts';

/** Whether sample b's activity is binary: every event's value is −1 or 1 (NeuroBench's test for a spike input). */
function binarySample(a: Activity, b: number): boolean {
  const ev = a.events[b] as Uint32Array;
  const n = a.count[b] as number;
  const off = b * a.size;
  for (let k = 0; k < n; k++) {
    const v = a.values[off + (ev[k] as number)] as number;
    if (v !== 1 && v !== -1) return false;
  }
  return true;
}

function tallyInput(t: ConnectionInputTally, a: Activity): void {
  for (let b = 0; b < a.batch; b++) {
    const into = binarySample(a, b) ? t.binary : t.real;
    const ev = a.events[b] as Uint32Array;
    const n = a.count[b] as number;
    // Work proportional to the events, like the engine's own synaptic work.
    for (let k = 0; k < n; k++) {
      const i = ev[k] as number;
      into[i] = (into[i] as number) + 1;
    }
  }
}

function tallyActivation(t: ActivationTally, a: Activity): void {
  for (let b = 0; b < a.batch; b++) {
    const ev = a.events[b] as Uint32Array;
    const n = a.count[b] as number;
    const off = b * a.size;
    t.nonZero += n;
    for (let k = 0; k < n; k++) t.total += a.values[off + (ev[k] as number)] as number;
  }
}

/**
 * A step hook of the event engine that counts into `tally` what NeuroBench records: after a node
 * has stepped, a connection node's (summed, indexed) input and an activation node's output.
 */
export function eventTallier(tally: ActivityTally): (layer: PlanLayer) => void {
  const inputs = new Map(tally.inputs.map((t) => [t.index, t]));
  const activations = new Map(tally.activations.map((t) => [t.index, t]));
  return (layer) => {
    const i = inputs.get(layer.index);
    if (i && layer.input) tallyInput(i, layer.input);
    const o = activations.get(layer.index);
    if (o) tallyActivation(o, layer.out);
  };
}
