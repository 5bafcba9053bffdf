import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventDrivenLimit, limitText, PEER_ENGINES, peerFromResults, ratioText } from '../bench/peers.ts';

// The tables as RESULTS.md lays them out: samples/s (W1, W2) or runs/s (W3) in the fourth column.
const RESULTS = `### W1 simulate
| engine | formulation | threads | samples/s | synaptic events/s |
|---|---|---|---|---|
| torch-fused | dense | 2 | 3604 | 3.35G |
| brian2-cpp_standalone | event | 2 | 267.7 | 248M |

### Roofline per workload

| workload | unit | FLOP / unit (dense) | DRAM bytes / unit (dense) | synaptic events / unit | dense-formulation limit (units/s) | event-driven limit (units/s) = physical limit |
|---|---|---|---|---|---|---|
| W1 simulate | sample | 37M | 280kB | 928k | 5777 | 52.2k |
| W2 train | sample | 75.2M | 1MB | 928k fwd + 928k bwd | 2841 | 18.6k |
| W3 sim-large | run (T=1000) | 200G | 400GB | 200M | 0.128 | 31.7 |

### W3 sim-large
| engine | formulation | threads | runs/s | neuron-updates/s |
|---|---|---|---|---|
| torch-event-rows | event | 2 | 1.67 | 16.7M |
| brian2-cpp_standalone | event | 2 | 1.57 | 15.7M |
`;

describe('benchmark peers', () => {
  const saved = process.env['SPIKELAB_BENCH_DIR'];
  afterEach(() => {
    if (saved === undefined) delete process.env['SPIKELAB_BENCH_DIR'];
    else process.env['SPIKELAB_BENCH_DIR'] = saved;
  });

  it('reads each peer of a workload from its own section of RESULTS.md', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spikelab-peers-'));
    writeFileSync(join(dir, 'RESULTS.md'), RESULTS);
    process.env['SPIKELAB_BENCH_DIR'] = dir;
    expect(PEER_ENGINES.W3.map((e) => peerFromResults('W3', e)?.rate)).toEqual([1.67, 1.57]);
    expect(PEER_ENGINES.W1.map((e) => peerFromResults('W1', e)?.rate)).toEqual([3604, 267.7]);
    expect(peerFromResults('W2', 'torch-loop')).toBeUndefined();
    expect(peerFromResults('W1', 'snntorch')).toBeUndefined();
  });

  it('prints the ratio to every peer with its source', () => {
    const peers = [
      { workload: 'W3', engine: 'torch-event-rows', rate: 2, source: 'measured now' },
      { workload: 'W3', engine: 'brian2-cpp_standalone', rate: 0.5, source: 'RESULTS.md' },
    ] as const;
    expect(ratioText(3, peers, 2)).toBe('1.50× torch-event-rows (2.00, measured now) · 6.00× brian2-cpp_standalone (0.50, RESULTS.md)');
    expect(ratioText(3, [], 2)).toBe('no peer figure');
  });

  it("reads each workload's event-driven limit from the roofline table, and says when there is none", () => {
    const dir = mkdtempSync(join(tmpdir(), 'spikelab-limits-'));
    writeFileSync(join(dir, 'RESULTS.md'), RESULTS);
    process.env['SPIKELAB_BENCH_DIR'] = dir;
    expect(['W1', 'W2', 'W3'].map((w) => eventDrivenLimit(w as 'W1'))).toEqual([52_200, 18_600, 31.7]);
    expect(limitText(5220, 'W1')).toBe('10.0 % of the event-driven limit (52,200)');
    process.env['SPIKELAB_BENCH_DIR'] = mkdtempSync(join(tmpdir(), 'spikelab-nolimits-'));
    expect(limitText(5220, 'W1')).toBe('limit unknown (no RESULTS.md)');
  });
});
