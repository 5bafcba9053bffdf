import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';

interface MapJson {
  chip: string;
  fits: boolean;
  cores_used: number;
  traffic_hops_initial: number;
  traffic_hops_final: number;
  energy_per_inference_j: number;
  latency_s: number;
  violations: { layer: string; constraint: string; limit: number; value: number }[];
  cores: { utilisation: Record<string, number>; binding: string }[];
}

describe('spikelab map', () => {
  it('maps the default preset on Loihi and prints the JSON object of the issue', () => {
    const r = cli('map', '--preset', 'default', '--chip', 'loihi', '--json');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as MapJson;
    expect(j.chip).toBe('loihi');
    expect(j.fits).toBe(true);
    expect(j.cores_used).toBeGreaterThan(0);
    expect(j.traffic_hops_final).toBeLessThanOrEqual(j.traffic_hops_initial);
    expect(j.energy_per_inference_j).toBeGreaterThan(0);
    expect(j.latency_s).toBeGreaterThan(0);
    expect(j.violations).toEqual([]);
    for (const c of j.cores) expect(Math.max(...Object.values(c.utilisation))).toBeLessThanOrEqual(1);
  });

  it('gives the same mapping for the same seed', () => {
    const a = JSON.parse(cli('map', '--preset', 'dvs-shapes', '--chip', 'loihi', '--seed', '5', '--json').out) as MapJson;
    const b = JSON.parse(cli('map', '--preset', 'dvs-shapes', '--chip', 'loihi', '--seed', '5', '--json').out) as MapJson;
    expect(b).toMatchObject({ cores_used: a.cores_used, traffic_hops_final: a.traffic_hops_final, energy_per_inference_j: a.energy_per_inference_j });
  });

  it('exits 3 with fits: false and the violations when the network does not fit', () => {
    // MIT-BIH beats: 257 inputs per neuron, and a TrueNorth neuron has 256 axons.
    const r = cli('map', '--preset', 'ecg-mitbih', '--chip', 'truenorth', '--json');
    expect(r.code).toBe(3);
    const j = JSON.parse(r.out) as MapJson;
    expect(j.fits).toBe(false);
    expect(j.violations).toContainEqual(expect.objectContaining({ constraint: 'fan_in', limit: 256, value: 257 }));
  });

  it('prints a readable report with binding constraints, energy and latency', () => {
    const r = cli('map', '--preset', 'default', '--chip', 'truenorth');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/IBM TrueNorth: fits/);
    expect(r.out).toMatch(/binding constraints: /);
    expect(r.out).toMatch(/energy per inference: [\d.]+ [µnmp]?J/);
    expect(r.out).toMatch(/latency per inference: /);
    expect(r.out).toMatch(/GOp\/s\/W/);
  });

  it('ends a readable report of a misfit with the MappingError on standard error and exit 3', () => {
    const r = cli('map', '--preset', 'ecg-mitbih', '--chip', 'truenorth');
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/DOES NOT FIT/);
    expect(r.err).toMatch(/does not fit IBM TrueNorth: layer '\w+': one neuron needs 257 inputs \(fan-in\) but a core has 256/);
  });

  it('refuses an unknown chip by listing the chips it knows', () => {
    const r = cli('map', '--preset', 'default', '--chip', 'pentium');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/loihi/);
  });

  it('reads the chip and its edits from a workspace file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spikelab-map-'));
    const ws = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'public', 'presets', 'default.workspace.json'), 'utf8')) as Record<string, unknown>;
    const file = join(dir, 'ws.json');
    writeFileSync(file, JSON.stringify({ ...ws, chip: { id: 'loihi', overrides: { 'energy.synOpPJ': 47.2 } } }));
    const edited = JSON.parse(cli('map', '--workspace', file, '--json').out) as MapJson & { energy: { synOpsJ: number } };
    const plain = JSON.parse(cli('map', '--preset', 'default', '--chip', 'loihi', '--json').out) as MapJson & { energy: { synOpsJ: number } };
    expect(edited.energy.synOpsJ).toBeCloseTo(2 * plain.energy.synOpsJ, 12);
  });
});

describe('spikelab chips', () => {
  it('lists every profile with the source and status of its figures', () => {
    const r = cli('chips', '--json');
    expect(r.code).toBe(0);
    const chips = JSON.parse(r.out) as { id: string; provenance: Record<string, { status: string; source: string }> }[];
    expect(chips.map((c) => c.id)).toEqual(['loihi', 'loihi2', 'truenorth', 'spinnaker', 'spinnaker2', 'speck', 'xylo-audio2', 'akida-akd1000', 'asic']);
    for (const c of chips) expect(c.provenance['energy.synOpPJ']?.source.length ?? 0).toBeGreaterThan(0);
  });
});
