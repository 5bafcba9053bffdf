// Mapping benchmark: a 99,338-neuron conv SNN (DVS-sized input) on Loihi — greedy partition,
// refinement, annealed placement and the cost model — with random spikes at a 5 % rate. The same
// code runs in the page's worker; the time is printed by `npm run bench`.
import { CHIP_TARGET_DEFAULT } from '../../src/core/hardware/chipTarget.ts';
import { resolveChip } from '../../src/core/hardware/chips/index.ts';
import type { StepEvents } from '../../src/core/hardware/costModel.ts';
import { mapNetwork } from '../../src/core/hardware/mapNetwork.ts';
import { populationsOf } from '../../src/core/hardware/populations.ts';
import { createRng } from '../../src/core/rng.ts';
import { networkSchema } from '../../src/core/spec/network.ts';

const lif = { model: 'lif' };
export const MAP_BENCH_NET = networkSchema.parse({
  layers: [
    { kind: 'input', name: 'dvs', shape: [128, 128, 2] },
    { kind: 'conv2d', name: 'c1', filters: 4, kernel: 3, stride: 2, padding: 'same' },
    { kind: 'spiking', name: 's1', neuron: lif },
    { kind: 'conv2d', name: 'c2', filters: 8, kernel: 3, padding: 'same' },
    { kind: 'spiking', name: 's2', neuron: lif },
    { kind: 'conv2d', name: 'c3', filters: 8, kernel: 3, padding: 'same' },
    { kind: 'spiking', name: 's3', neuron: lif },
    { kind: 'pool2d', name: 'p3', size: 2 },
    { kind: 'conv2d', name: 'c4', filters: 16, kernel: 3, padding: 'same' },
    { kind: 'spiking', name: 's4', neuron: lif },
    { kind: 'pool2d', name: 'p4', size: 4 },
    { kind: 'conv2d', name: 'c5', filters: 16, kernel: 1 },
    { kind: 'spiking', name: 's5', neuron: lif },
    { kind: 'flatten', name: 'f' },
    { kind: 'dense', name: 'out', units: 10 },
    { kind: 'readout', name: 'r', mode: 'membrane' },
  ],
});

/** Random spikes: each neuron fires with probability `rate` per step. */
function events(steps: number, rate: number): StepEvents {
  const g = populationsOf(MAP_BENCH_NET);
  const r = createRng(1, 'bench-spikes');
  const train = (n: number) => {
    const times: number[] = [];
    const ids: number[] = [];
    for (let t = 0; t < steps; t++) for (let i = 0; i < n; i++) if (r.next() < rate) {
      times.push(t);
      ids.push(i);
    }
    return { times: Uint32Array.from(times), ids: Uint32Array.from(ids) };
  };
  return { steps, inferences: 1, dtMs: 1, input: train(g.input.size), pops: g.populations.map((p) => (p.kind === 'readout' ? train(0) : train(p.size))) };
}

/** Maps the benchmark network on Loihi and returns one printable line with the stage times. */
export async function mapBenchLine(): Promise<string> {
  const ev = events(20, 0.05);
  const neurons = populationsOf(MAP_BENCH_NET).populations.reduce((a, p) => a + p.size, 0);
  const t0 = performance.now();
  const m = await mapNetwork({ net: MAP_BENCH_NET, chip: resolveChip(CHIP_TARGET_DEFAULT), target: CHIP_TARGET_DEFAULT, events: ev, staticInput: false });
  const ms = performance.now() - t0;
  const stages = Object.entries(m.timingsMs).filter(([k]) => k !== 'total').map(([k, v]) => `${k} ${v} ms`).join(', ');
  return `map  ${neurons} neurons on ${m.chipName}: ${(ms / 1000).toFixed(2)} s (${stages}); ${m.coresUsed} cores, fits ${m.fits}, traffic×hops ${m.trafficHopsInitial.toFixed(0)} → ${m.trafficHopsFinal.toFixed(0)}, packets ${m.packetsGreedy.toFixed(0)} → ${m.packetsRefined.toFixed(0)}`;
}

if (typeof process !== 'undefined' && process.argv[1]?.endsWith('mapBench.ts')) console.log(await mapBenchLine());
