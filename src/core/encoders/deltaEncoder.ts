import { BudgetError } from '../errors.ts';
import { formatBudgetFigure, WORKSPACE_BUDGETS } from '../spec/budgetTable.ts';
import type { Samples } from './normalize.ts';
import type { DeltaEncoderSpec } from './schema.ts';

/**
 * Send-on-delta coding of a signal in its own units. Each channel keeps a reference r (starting at
 * x[0]); when x − r ≥ θ the "up" neuron (2c) emits k = floor((x − r)/θ) spikes as one graded event
 * and r += kθ; symmetrically the "down" neuron (2c + 1). Hence |x − r| < θ after every step, which
 * is what makes the reconstruction exact to within one step size.
 *
 * k has no bound of its own (a threshold of 1e-300 gives 10^300 spikes per sample, more than
 * float32 holds), so the encoder counts the events it emits and refuses a run over the
 * events-per-run budget (BudgetError on `encoder.threshold`) before anything is simulated or
 * recorded: cutting the input short would feed the network a signal that stops mid-run.
 */
export function deltaEncode(s: Samples, spec: DeltaEncoderSpec, eventBudget = WORKSPACE_BUDGETS.runEvents.limit): Float32Array {
  const width = 2 * s.channels;
  const out = new Float32Array(s.steps * width);
  const th = spec.threshold;
  let events = 0;
  for (let c = 0; c < s.channels; c++) {
    let ref = s.x[c] as number;
    for (let t = 0; t < s.steps; t++) {
      const d = (s.x[t * s.channels + c] as number) - ref;
      const k = Math.floor(Math.abs(d) / th);
      if (k === 0) continue;
      events += k;
      out[t * width + 2 * c + (d > 0 ? 0 : 1)] = k;
      ref += (d > 0 ? k : -k) * th;
    }
  }
  if (events > eventBudget) throw deltaOverBudget(events, eventBudget, spec.threshold, s);
  return out;
}

function deltaOverBudget(events: number, limit: number, threshold: number, s: Samples): BudgetError {
  // A threshold near the smallest double gives k = Infinity; say "more than" the largest figure instead.
  const figure = Number.isFinite(events) ? formatBudgetFigure(events) : `more than ${formatBudgetFigure(Number.MAX_VALUE)}`;
  const message = `the run would emit ${figure} input events (a delta encoder of threshold ${threshold} over ${s.steps} samples × ${s.channels} channels); the budget is ${formatBudgetFigure(limit)}: raise the threshold`;
  return new BudgetError([{ path: 'encoder.threshold', message }], 'runEvents', events, limit);
}

/** Rebuilds channel c from delta spikes: x0 plus θ·(ups − downs) so far. */
export function reconstructDelta(spikes: Float32Array, steps: number, channels: number, c: number, threshold: number, x0: number): Float32Array {
  const out = new Float32Array(steps);
  let r = x0;
  for (let t = 0; t < steps; t++) {
    r += threshold * ((spikes[t * 2 * channels + 2 * c] as number) - (spikes[t * 2 * channels + 2 * c + 1] as number));
    out[t] = r;
  }
  return out;
}
