import { describe, expect, it } from 'vitest';
import { SpecError } from '../../errors.ts';
import { chipById } from './index.ts';
import { applyOverrides } from './overrides.ts';

/** The paths of a SpecError thrown by fn. */
function issuePaths(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof SpecError) return e.issues.map((i) => i.path);
    throw e;
  }
  return [];
}

describe('applyOverrides', () => {
  it('sets a null limit to a number and records that there was none', () => {
    const r = applyOverrides(chipById('loihi'), { fanInPerNeuron: 256 });
    expect(r.fanInPerNeuron).toBe(256);
    expect(r.provenance['fanInPerNeuron']?.source).toBe('edited in the workbench (was none)');
  });

  it('edits one entry of an array figure by index', () => {
    const r = applyOverrides(chipById('speck'), { 'layerCores.kernelMemory.5': 128 * 1024 });
    expect(r.layerCores?.kernelMemory).toEqual([16, 16, 16, 32, 32, 128, 64, 16, 16].map((k) => k * 1024));
    expect(r.provenance['layerCores.kernelMemory.5']?.status).toBe('user');
  });

  it('edits a boolean with a boolean', () => {
    expect(applyOverrides(chipById('loihi'), { 'energy.staticIncluded': true }).energy.staticIncluded).toBe(true);
  });

  it('names chip.overrides.<path> for unknown paths, wrong types and non-figures, all at once', () => {
    const paths = issuePaths(() =>
      applyOverrides(chipById('loihi'), {
        'energy.nope': 1,
        'layerCores.maxKernel': 3,
        'energy.staticIncluded': 1,
        'energy.synOpPJ': true,
        energy: 1,
        name: 2,
        '__proto__.x': 1,
        'provenance.meshW': 1,
        'weightBits.9': 1,
      }),
    );
    expect(paths.sort()).toEqual(
      [
        'energy.nope',
        'layerCores.maxKernel',
        'energy.staticIncluded',
        'energy.synOpPJ',
        'energy',
        'name',
        '__proto__.x',
        'provenance.meshW',
        'weightBits.9',
      ]
        .map((p) => `chip.overrides.${p}`)
        .sort(),
    );
  });

  it('validates the edited profile and points at the override that broke it', () => {
    expect(issuePaths(() => applyOverrides(chipById('loihi'), { 'energy.synOpPJ': -1 }))).toEqual(['chip.overrides.energy.synOpPJ']);
    expect(issuePaths(() => applyOverrides(chipById('loihi'), { meshW: 0 }))).toEqual(['chip.overrides.meshW']);
    expect(issuePaths(() => applyOverrides(chipById('loihi'), { 'energy.synOpPJ': Number.POSITIVE_INFINITY }))).toEqual(['chip.overrides.energy.synOpPJ']);
  });

  it('leaves the base profile untouched', () => {
    const base = chipById('speck');
    applyOverrides(base, { 'layerCores.maxKernel': 8, 'energy.staticPowerW': 1 });
    expect([base.layerCores?.maxKernel, base.energy.staticPowerW]).toEqual([16, 0.42e-3]);
  });
});
