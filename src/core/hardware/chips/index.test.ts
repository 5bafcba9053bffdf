import { describe, expect, it } from 'vitest';
import { SpecError } from '../../errors.ts';
import { chipProfileSchema, coresPerChip, figureStatusSchema, type ChipProfile } from '../chipProfile.ts';
import { CHIP_PROFILES, chipById, chipIds, resolveChip } from './index.ts';

/** Dotted paths of every figure of a profile: numbers, null limits and arrays of numbers. */
function figurePaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'number' || value === null) return [prefix];
  if (Array.isArray(value)) return value.every((v) => typeof v === 'number') ? [prefix] : [];
  if (typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (prefix === '' && (k === 'provenance' || k === 'notes') ? [] : figurePaths(v, prefix ? `${prefix}.${k}` : k)));
}

/** Whether a dotted path names a field of the profile. */
function hasPath(profile: ChipProfile, path: string): boolean {
  let node: unknown = profile;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}

describe('CHIP_PROFILES', () => {
  it('lists the nine built-in chips in workbench order', () => {
    expect(chipIds()).toEqual(['loihi', 'loihi2', 'truenorth', 'spinnaker', 'spinnaker2', 'speck', 'xylo-audio2', 'akida-akd1000', 'asic']);
  });

  it('validates every profile against chipProfileSchema unchanged', () => {
    for (const p of CHIP_PROFILES) expect(chipProfileSchema.parse(p)).toEqual(p);
  });

  it('gives every figure of every profile a provenance entry with a status and a source', () => {
    for (const p of CHIP_PROFILES) {
      for (const path of figurePaths(p)) {
        const entry = p.provenance[path];
        expect(entry, `${p.id}: ${path}`).toBeDefined();
        expect(figureStatusSchema.options).toContain(entry?.status);
        expect(entry?.source.length, `${p.id}: ${path}`).toBeGreaterThan(5);
      }
    }
  });

  it('keys provenance only by fields the profile has', () => {
    for (const p of CHIP_PROFILES) for (const key of Object.keys(p.provenance)) expect(hasPath(p, key), `${p.id}: ${key}`).toBe(true);
  });

  it('has the core counts of the chips', () => {
    const cores = Object.fromEntries(CHIP_PROFILES.map((p) => [p.id, coresPerChip(p)]));
    expect(cores).toEqual({ loihi: 128, loihi2: 128, truenorth: 4096, spinnaker: 16, spinnaker2: 152, speck: 9, 'xylo-audio2': 1, 'akida-akd1000': 80, asic: 1 });
  });

  it('gives layer-core and single-core chips their rules, sized to their cores', () => {
    for (const p of CHIP_PROFILES) {
      expect(p.layerCores !== undefined, p.id).toBe(p.architecture === 'layer-cores');
      expect(p.singleCore !== undefined, p.id).toBe(p.architecture === 'single-core');
      if (p.layerCores) expect([p.layerCores.kernelMemory.length, p.layerCores.neuronMemory.length]).toEqual([coresPerChip(p), coresPerChip(p)]);
    }
  });

  it('puts an all-idle Loihi chip step at 131,072 × 52 pJ ≈ 6.8 µJ', () => {
    const l = chipById('loihi');
    expect(coresPerChip(l) * l.neuronsPerCore * l.energy.neuronIdlePJ * 1e-12).toBeCloseTo(6.82e-6, 8);
  });

  it('adds no static power on TrueNorth, whose 26 pJ per event already holds it', () => {
    const t = chipById('truenorth');
    expect([t.energy.synOpPJ, t.energy.staticIncluded, t.energy.staticPowerW]).toEqual([26, true, 0]);
  });

  it('marks Loihi 2 per-op figures as Loihi 1 stand-ins', () => {
    const l2 = chipById('loihi2');
    expect(l2.energy.synOpPJ).toBe(chipById('loihi').energy.synOpPJ);
    expect(l2.provenance['energy.synOpPJ']).toMatchObject({ status: 'U', source: expect.stringContaining('Loihi 1') });
  });

  it('freezes the built-in profiles', () => {
    expect(Object.isFrozen(chipById('speck').layerCores?.kernelMemory)).toBe(true);
  });
});

describe('chipById', () => {
  it('rejects an unknown id at chip.id and lists the known ones', () => {
    try {
      chipById('loihi3');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SpecError);
      expect((e as SpecError).jsonPath).toBe('chip.id');
      expect((e as SpecError).message).toContain('loihi, loihi2, truenorth');
    }
  });
});

describe('resolveChip', () => {
  it('returns a copy of the built-in profile when nothing is edited', () => {
    const r = resolveChip({ id: 'loihi', seed: 1, congestion: 0.5, overrides: {} });
    expect(r).toEqual(chipById('loihi'));
    expect(r).not.toBe(chipById('loihi'));
  });

  it('applies overrides and records the old value as the source', () => {
    const r = resolveChip({ id: 'loihi', seed: 1, congestion: 0.5, overrides: { 'energy.synOpPJ': 30 } });
    expect(r.energy.synOpPJ).toBe(30);
    expect(r.provenance['energy.synOpPJ']).toEqual({ status: 'user', source: 'edited in the workbench (was 23.6)' });
    expect(chipById('loihi').energy.synOpPJ).toBe(23.6);
  });

  it('starts from the custom profile when the target has one', () => {
    const custom = chipProfileSchema.parse({ ...chipById('asic'), id: 'my-asic', name: 'Mine', neuronsPerCore: 512 });
    const r = resolveChip({ id: 'my-asic', seed: 1, congestion: 0.5, overrides: { maxChips: 2 }, custom });
    expect([r.id, r.neuronsPerCore, r.maxChips]).toEqual(['my-asic', 512, 2]);
  });

  it('rejects an unknown chip id', () => {
    expect(() => resolveChip({ id: 'nope', seed: 1, congestion: 0.5, overrides: {} })).toThrow(SpecError);
  });
});
