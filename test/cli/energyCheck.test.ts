import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/spikelab.ts';
import { MEASURED_ROWS } from '../../src/core/hardware/energyCheck/measuredRows.ts';

/** Runs `main` in this process: exit code and both streams. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface CheckJson {
  rows: { system: string; chip: string; network: string; measured_j: number; modelled_j: number; ratio: number; source: string; held_out: boolean }[];
  fits: Record<string, { scale: number; host_power_w: number; fitted_on: string[] }>;
  worst_held_out_ratio: number;
}

describe('spikelab energy-check', () => {
  it('--json prints every measured row with the issue’s keys, finite positive ratios, and the worst held-out ratio as their maximum', async () => {
    const r = await run('energy-check', '--json');
    expect([r.code, r.err]).toEqual([0, '']);
    const j = JSON.parse(r.out) as CheckJson;
    expect(j.rows.length).toBe(MEASURED_ROWS.length);
    for (const row of j.rows) {
      expect(Object.keys(row)).toEqual(['system', 'chip', 'network', 'measured_j', 'modelled_j', 'ratio', 'source', 'held_out']);
      expect(Number.isFinite(row.ratio) && row.ratio > 0).toBe(true);
      expect(row.ratio).toBeCloseTo(row.modelled_j / row.measured_j, 12);
      expect(row.source.length).toBeGreaterThan(10);
    }
    const held = j.rows.filter((row) => row.held_out);
    expect(held.length).toBeGreaterThanOrEqual(2);
    expect(j.worst_held_out_ratio).toBe(Math.max(...held.map((row) => Math.max(row.ratio, 1 / row.ratio))));
    // Each chip's parameters come from its fit rows, never from a held-out one.
    const heldIds = new Set(MEASURED_ROWS.filter((m) => m.heldOut).map((m) => m.id));
    for (const f of Object.values(j.fits)) for (const id of f.fitted_on) expect(heldIds.has(id)).toBe(false);
  }, 180_000);

  it('--chip keeps one chip’s rows and prints a table that ends with the worst held-out ratio', async () => {
    const r = await run('energy-check', '--chip', 'xylo-audio2');
    expect([r.code, r.err]).toEqual([0, '']);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^system\s+chip\s+network\s+measured\s+modelled\s+ratio\s+held-out\s+host part\s+source/);
    expect(lines.filter((l) => l.includes('xylo-audio2 ') && /µJ/.test(l)).length).toBe(MEASURED_ROWS.filter((m) => m.chip === 'xylo-audio2').length);
    expect(r.out).not.toMatch(/\bloihi\b/);
    expect(lines.at(-1)).toMatch(/^worst held-out ratio: \d+\.\d\d× \(\d+ of \d+ held-out rows within 2×\)$/);
  }, 60_000);

  it('refuses a chip without measurements, naming the chips that have them (exit 2)', async () => {
    const r = await run('energy-check', '--chip', 'speck');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no measured network on chip 'speck'; chips with measurements: loihi, loihi2, xylo-audio2/);
  });

  it('spikelab chips names the operation of its per-op energy and carries the NeuEdge note', async () => {
    const r = await run('chips');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/pJ\/syn event = energy per synaptic event: one spike reaching one synapse/);
    expect(r.out).toMatch(/NeuEdge .* 847 GOp\/s\/W: no published operation definition/);
  });
});
