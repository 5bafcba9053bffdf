import type { PatternSignature } from './neuronTeachingTypes.ts';
import type { NeuronTrace } from './playgroundRun.ts';

/** Whether a run shows a firing pattern's signature, and the numbers that say so (shown under the pattern). */
export interface SignatureVerdict {
  readonly shown: boolean;
  readonly detail: string;
}

/** Intervals between successive spikes, in ms. */
export function intervalsMs(spikeSteps: readonly number[], dtMs: number): number[] {
  return spikeSteps.slice(1).map((t, i) => (t - (spikeSteps[i] as number)) * dtMs);
}

const ms = (x: number) => `${Math.round(x * 10) / 10} ms`;

/** All intervals within ±10 % of their mean (at least three of them). */
function regular(trace: NeuronTrace, dtMs: number): SignatureVerdict {
  const isi = intervalsMs(trace.spikeSteps, dtMs);
  if (isi.length < 3) return { shown: false, detail: `${isi.length} intervals; regular firing needs at least 3` };
  const mean = isi.reduce((a, b) => a + b, 0) / isi.length;
  const worst = Math.max(...isi.map((x) => Math.abs(x - mean) / mean));
  return { shown: worst <= 0.1, detail: `intervals ${ms(Math.min(...isi))}–${ms(Math.max(...isi))}, at most ${Math.round(worst * 100)} % from their mean ${ms(mean)}` };
}

/**
 * Intervals in two groups: sorted, the largest ratio between neighbours is at least 3 (short
 * intervals inside a burst, long ones between bursts).
 */
function bursting(trace: NeuronTrace, dtMs: number): SignatureVerdict {
  const isi = intervalsMs(trace.spikeSteps, dtMs).sort((a, b) => a - b);
  if (isi.length < 3) return { shown: false, detail: `${isi.length} intervals; bursts need at least 3` };
  let best = 0;
  let split = 0;
  for (let i = 1; i < isi.length; i++) {
    const r = (isi[i] as number) / (isi[i - 1] as number);
    if (r > best) [best, split] = [r, i];
  }
  return { shown: best >= 3, detail: `${split} short intervals (≤ ${ms(isi[split - 1] as number)}) and ${isi.length - split} long ones (≥ ${ms(isi[split] as number)}), ratio ${best.toFixed(1)}` };
}

/** The last interval at least 1.5 times the first. */
function adaptation(trace: NeuronTrace, dtMs: number): SignatureVerdict {
  const isi = intervalsMs(trace.spikeSteps, dtMs);
  if (isi.length < 2) return { shown: false, detail: `${isi.length} intervals; adaptation needs at least 2` };
  const first = isi[0] as number;
  const last = isi[isi.length - 1] as number;
  return { shown: last >= 1.5 * first, detail: `first interval ${ms(first)}, last ${ms(last)} (×${(last / first).toFixed(2)})` };
}

/** Mean interval at most 10 ms (100 Hz and more) and the last interval under 1.5 times the first. */
function fast(trace: NeuronTrace, dtMs: number): SignatureVerdict {
  const isi = intervalsMs(trace.spikeSteps, dtMs);
  if (isi.length < 3) return { shown: false, detail: `${isi.length} intervals; fast spiking needs at least 3` };
  const mean = isi.reduce((a, b) => a + b, 0) / isi.length;
  const ratio = (isi[isi.length - 1] as number) / (isi[0] as number);
  return { shown: mean <= 10 && ratio < 1.5, detail: `mean interval ${ms(mean)} (${Math.round(1000 / mean)} Hz), last/first ${ratio.toFixed(2)}` };
}

/** A negative input that ends, no spike until it has ended, and at least one after. */
function rebound(trace: NeuronTrace, dtMs: number): SignatureVerdict {
  let lastNegative = -1;
  trace.input.forEach((x, t) => {
    if (x < 0) lastNegative = t;
  });
  if (lastNegative < 0) return { shown: false, detail: 'no negative input to rebound from' };
  const before = trace.spikeSteps.filter((t) => t <= lastNegative).length;
  const after = trace.spikeSteps.find((t) => t > lastNegative);
  return {
    shown: before === 0 && after !== undefined,
    detail: `${before} spikes before the negative input ends at ${ms((lastNegative + 1) * dtMs)}${after === undefined ? ', none after' : `, first spike ${ms((after - lastNegative - 1) * dtMs)} after it`}`,
  };
}

const SIGNATURES: Readonly<Record<PatternSignature, (trace: NeuronTrace, dtMs: number) => SignatureVerdict>> = { regular, bursting, adaptation, fast, rebound };

/** Whether `trace` (a run at `dtMs`) shows the signature. */
export function checkSignature(signature: PatternSignature, trace: NeuronTrace, dtMs: number): SignatureVerdict {
  return SIGNATURES[signature](trace, dtMs);
}
