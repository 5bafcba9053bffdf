import { mkdtempSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';
import { MILLION_GAIN, MILLION_NEURONS, TERA_WEIGHTS, TINY_DELTA, TWENTY_K_SQUARED, WIDE_NIR, type HostileWorkspace } from '../support/hostileWorkspaces.ts';
import type { WorkspaceInput } from '../../src/core/spec/workspace.ts';

const dir = mkdtempSync(join(tmpdir(), 'spikelab-budgets-'));

/** Writes a crafted workspace as a file the CLI is given. */
function file(h: HostileWorkspace): string {
  const path = join(dir, `${h.workspace.name ?? 'ws'}.workspace.json`.replace(/ /g, '-'));
  writeFileSync(path, JSON.stringify(h.workspace));
  return path;
}

/** Writes a workspace the CLI is given. */
function workspaceFile(ws: WorkspaceInput): string {
  const path = join(dir, `${ws.name ?? 'ws'}.workspace.json`.replace(/ /g, '-'));
  writeFileSync(path, JSON.stringify(ws));
  return path;
}

/** Exit 2, the budget sentence with path, estimate and budget, and no stack trace. */
function expectRefusal(r: { code: number | null; out: string; err: string }, command: string, h: HostileWorkspace): void {
  expect(r.code, r.err).toBe(2);
  expect(r.err).toContain(`spikelab ${command}: ${h.path}: the network would hold ${h.estimate} weights; the budget is 5.0e7`);
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(r.err).not.toMatch(/RangeError|Invalid typed array length/);
}

describe('the CLI refuses a workspace over its budgets with exit 2 and the message', () => {
  it.each(['events', 'wasm', 'tfjs-cpu'])('spikelab simulate --engine %s refuses 10^12 weights', (engine) => {
    expectRefusal(cli('simulate', '--workspace', file(TERA_WEIGHTS), '--engine', engine), 'simulate', TERA_WEIGHTS);
  });

  it('spikelab map refuses a 20k × 20k network at once instead of after 32 s', () => {
    const t0 = performance.now();
    const r = cli('map', '--workspace', file(TWENTY_K_SQUARED), '--chip', 'loihi');
    expectRefusal(r, 'map', TWENTY_K_SQUARED);
    // A child process with tsx takes 2–5 s here; the mapping itself took 32 s.
    expect(performance.now() - t0).toBeLessThan(20_000);
  });

  it('spikelab map --json says fits: false (exit 3) for more neurons than the chip holds, without simulating', () => {
    const path = join(dir, 'million.workspace.json');
    writeFileSync(path, JSON.stringify(MILLION_NEURONS));
    const t0 = performance.now();
    const r = cli('map', '--workspace', path, '--chip', 'akida-akd1000', '--json');
    expect(r.code, r.err).toBe(3);
    const j = JSON.parse(r.out) as { fits: boolean; violations: { constraint: string; limit: number; value: number }[] };
    expect(j.fits).toBe(false);
    expect(j.violations[0]).toMatchObject({ constraint: 'cores', limit: 80, value: 977 });
    // 19 s before (simulating, partitioning); a tsx start is most of what is left.
    expect(performance.now() - t0).toBeLessThan(15_000);
  });

  it('spikelab export --nir refuses a 10^5 × 10^5 network and writes no file', () => {
    const out = join(dir, 'wide.nir');
    expectRefusal(cli('export', '--workspace', file(WIDE_NIR), '--nir', out), 'export', WIDE_NIR);
    expectRefusal(cli('export', '--workspace', file(WIDE_NIR), '--nir', out, '--dt-ms', '1'), 'export', WIDE_NIR);
    expect(existsSync(out)).toBe(false);
  });
});

describe('the CLI bounds the events of a run (events per run)', () => {
  it('spikelab simulate on a direct encoder of gain 10^6 finishes, exit 0, and prints where the recording stopped', () => {
    const t0 = performance.now();
    const r = cli('simulate', '--workspace', workspaceFile(MILLION_GAIN));
    // Before: 4.3 GB and 33 s (killed at 120 s on a loaded machine). A tsx start is much of what is left.
    expect(performance.now() - t0).toBeLessThan(40_000);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^note: the recording stopped at step \d+ of 1000 \(layer 'ecg'\): it reached the budget of 1\.0e7 events per run; the spike counts cover the whole run/m);
  });

  it('spikelab simulate --json carries the note and the whole run\'s counts', () => {
    const r = cli('simulate', '--workspace', workspaceFile(MILLION_GAIN), '--json');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as { notes: { code: string; message: string }[]; layers: { name: string; spikes: number }[] };
    expect(j.notes.map((n) => n.code)).toEqual(['recording_stopped']);
    expect(j.notes[0]?.message).toContain('the budget of 1.0e7 events per run');
    expect(j.layers.find((l) => l.name === 'ecg')?.spikes).toBeGreaterThan(1e8);
  });

  it('spikelab simulate refuses a delta encoder of threshold 1e-300 with exit 2, the figure and the budget', () => {
    const r = cli('simulate', '--workspace', workspaceFile(TINY_DELTA));
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(/spikelab simulate: encoder\.threshold: the run would emit 3\.\de301 input events .*; the budget is 1\.0e7: raise the threshold/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
