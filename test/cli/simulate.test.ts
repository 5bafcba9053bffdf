import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', 'src', 'cli', 'bin.mjs');

/** Runs the real CLI in a child process, from a directory other than the repo. */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: tmpdir(), timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface SimJson {
  engine: string;
  steps: number;
  layers: { name: string; neurons: number; spikes: number }[];
}

describe('spikelab simulate', () => {
  it('runs the default preset on the event engine and prints one JSON object', () => {
    const r = cli('simulate', '--preset', 'default', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as SimJson;
    expect(j.engine).toBe('events');
    expect(j.steps).toBe(1000);
    expect(j.layers.map((l) => l.name)).toEqual(['ecg', 'lif1', 'lif2']);
    for (const l of j.layers) expect(l.spikes).toBeGreaterThan(0);
  });

  it('gives the same spike counts on tfjs-cpu as on the event engine', () => {
    const a = JSON.parse(cli('simulate', '--preset', 'default', '--json').out) as SimJson;
    const b = JSON.parse(cli('simulate', '--preset', 'default', '--json', '--engine', 'tfjs-cpu').out) as SimJson;
    expect(b.engine).toBe('tfjs-cpu');
    expect(b.layers).toEqual(a.layers);
  });

  it('changes the spikes when --seed changes', () => {
    const a = JSON.parse(cli('simulate', '--preset', 'default', '--json', '--seed', '1').out) as SimJson;
    const b = JSON.parse(cli('simulate', '--preset', 'default', '--json', '--seed', '2').out) as SimJson;
    expect(b.layers).not.toEqual(a.layers);
  });

  it('exits 2 with a usage line on wrong arguments', () => {
    for (const args of [['simulate'], ['simulate', '--preset', 'default', '--engine', 'gpu'], ['simulate', '--bogus'], ['frobnicate'], ['simulate', '--preset', 'default', '--seed', '-3']]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/usage: spikelab/);
    }
  });

  it('exits 2 naming the JSON path of a malformed workspace, and the file when it is missing or not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spikelab-cli-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 1, network: { layers: [{ kind: 'input', name: 'in', shape: [2] }, { kind: 'dense', name: 'd', units: -1 }] }, data: { kind: 'synthetic-ecg' }, encoder: { kind: 'delta' } }));
    const r = cli('simulate', '--workspace', bad);
    expect(r.code).toBe(2);
    expect(r.err).toContain('network.layers[1].units');
    const missing = cli('simulate', '--workspace', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no such file/);
    const notJson = join(dir, 'x.json');
    writeFileSync(notJson, '{ "schemaVersion": 1,');
    expect(cli('simulate', '--workspace', notJson).err).toMatch(/not valid JSON/);
  });
});

describe('spikelab bench', () => {
  it('prints W1 as JSON with the reference spike counts', () => {
    const r = cli('bench', '--workload', 'W1', '--engine', 'events', '--json', '--reps', '1');
    expect(r.code).toBe(0);
    const last = JSON.parse(r.out.trim().split('\n').pop() ?? '{}') as Record<string, number | string>;
    expect(last).toMatchObject({ workload: 'W1', engine: 'events', hidden_spikes: 107_713, output_spikes: 29_477 });
    expect(last['samples_per_s']).toBeGreaterThan(0);
    expect(last['peak_rss_mb']).toBeGreaterThan(0);
  });
  it('refuses an unknown workload with exit 2', () => {
    expect(cli('bench', '--workload', 'W9').code).toBe(2);
  });
});
