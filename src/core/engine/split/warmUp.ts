import { toEventBatch } from '../eventBatch.ts';
import { compileNetwork } from '../../network/compile.ts';
import { createRng } from '../../rng.ts';
import { networkSchema } from '../../spec/network.ts';
import { SUM_PRECISION_NAMES } from '../../spec/precision.ts';
import type { Engine, SimInput } from '../types.ts';

// An engine thread warms up before it takes work. On a machine whose cores the threads fill, the
// JIT's compile jobs for the step loop, the plan and the recorder run beside them during the first
// runs and take a core from one thread, and a split run waits for its slowest part: W1 on two
// threads took 4–13 ms a run for its first ten runs against 3.4 ms after. A hundred small runs
// when the thread starts (about 0.1 s, before it says it is ready) do that compiling up front.

/** Runs of the small network a thread makes before it is ready. */
export const WARM_UP_RUNS = 100;

/** 40 inputs → 32 LIF → 8 LIF, 4 samples × 100 steps of seeded spikes, given as event lists. */
function warmUpWork(): { readonly net: ReturnType<typeof compileNetwork>; readonly input: SimInput } {
  const spec = networkSchema.parse({
    layers: [
      { kind: 'input', name: 'input', shape: [40] },
      { kind: 'dense', name: 'fc1', units: 32, weightGain: 3 },
      { kind: 'spiking', name: 'hidden', neuron: { model: 'lif' } },
      { kind: 'dense', name: 'fc2', units: 8, weightGain: 3 },
      { kind: 'spiking', name: 'output', neuron: { model: 'lif' } },
    ],
  });
  const rng = createRng(1, 'thread warm-up');
  const values = Float32Array.from({ length: 100 * 4 * 40 }, () => (rng.next() < 0.08 ? 1 : 0));
  return { net: compileNetwork(spec, undefined, 1), input: { steps: 100, batch: 4, neurons: 40, values, events: toEventBatch(values, 100, 4, 40) } };
}

/** Runs `engine` on the small network `runs` times, alternating the sums' precisions; returns the spikes it counted. */
export async function warmUpEngine(engine: Engine, runs: number = WARM_UP_RUNS): Promise<number> {
  const { net, input } = warmUpWork();
  let spikes = 0;
  for (let r = 0; r < runs; r++) {
    const precision = SUM_PRECISION_NAMES[r % SUM_PRECISION_NAMES.length];
    const result = await engine.simulate(net, input, { dtMs: 1, recordSpikes: false, ...(precision ? { precision } : {}) });
    spikes += result.layers.reduce((a, l) => a + l.spikeCount, 0);
  }
  return spikes;
}
