// One case of `npm run bench:scaling`, in its own process so that its peak RSS is its own:
//   tsx test/bench/scalingCase.ts W3 NEURONS RATE   |   tsx test/bench/scalingCase.ts W1 BATCH
// Prints one JSON line: the case, seconds per run (median of 3 after a warm-up), peak RSS in MB.
import { kernelBytes } from '../../src/cli/kernelFile.ts';
import { benchW1 } from '../../src/core/bench/workloads.ts';
import { wasmW3Runner } from '../../src/core/bench/w3Wasm.ts';
import { createEngine } from '../../src/core/engine/index.ts';
import { loadKernel } from '../../src/core/engine/kernels/kernelModule.ts';

const [workload, a, b] = process.argv.slice(2);
const peakMb = () => process.resourceUsage().maxRSS / 1024;
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1] ?? NaN;
const kernel = await kernelBytes();
const baseMb = peakMb();
if (workload === 'W3') {
  const neurons = Number(a);
  const rate = Number(b);
  const t0 = performance.now();
  const w3 = wasmW3Runner((await loadKernel(kernel)).exports, neurons, neurons);
  const buildS = (performance.now() - t0) / 1000;
  w3.run(0, 10, rate);
  const times: number[] = [];
  let last = w3.run(1, 1000, rate);
  for (let r = 0; r < 3; r++) {
    const s = performance.now();
    last = w3.run(r + 2, 1000, rate);
    times.push((performance.now() - s) / 1000);
  }
  const s = median(times);
  console.log(JSON.stringify({ workload, neurons, rate, synapses: Math.round(neurons * neurons * 0.1), s_per_run: s, syn_events_per_s: last.synEvents / s, output_spikes: last.outputSpikes, build_s: buildS, peak_rss_mb: peakMb(), base_rss_mb: baseMb }));
} else {
  const batch = Number(a);
  const e = await createEngine('wasm', { kernel });
  const line = await benchW1(e, { now: () => performance.now(), peakMemoryMb: peakMb }, { reps: 3, batch });
  console.log(JSON.stringify({ workload, batch, s_per_run: line.median_s, samples_per_s: line.samples_per_s, syn_events_per_s: line.syn_events_per_s, peak_rss_mb: line.peak_rss_mb, base_rss_mb: baseMb }));
}
