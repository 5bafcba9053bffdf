import { describe, expect, it } from 'vitest';
import { MappingError } from '../errors.ts';
import { networkSchema } from '../spec/network.ts';
import { CHIP_TARGET_DEFAULT } from './chipTarget.ts';
import { resolveChip } from './chips/index.ts';
import { assertCanFit } from './mappingPrecheck.ts';

const lif = { model: 'lif' };
const oneLayer = (units: number) => networkSchema.parse({ layers: [{ kind: 'input', name: 'in', shape: [1] }, { kind: 'dense', name: 'fc', units }, { kind: 'spiking', name: 'all', neuron: lif }] });
const chip = (id: string, overrides = {}) => resolveChip({ ...CHIP_TARGET_DEFAULT, id, overrides });

describe('assertCanFit', () => {
  it('refuses a million neurons on one Akida (80 cores of 1024) at once, naming cores needed and available', () => {
    const t0 = performance.now();
    let error: unknown;
    try {
      assertCanFit(oneLayer(1_000_000), chip('akida-akd1000'));
    } catch (e) {
      error = e;
    }
    expect(performance.now() - t0).toBeLessThan(250);
    expect(error).toBeInstanceOf(MappingError);
    const v = (error as MappingError).violations[0];
    expect(v).toMatchObject({ layer: 'all', constraint: 'cores', limit: 80, value: 977, severity: 'error' });
    // ceil(10^6 / 1024) = 977 cores; one chip of 5 × 4 tiles × 4 cores = 80.
    expect((error as MappingError).message).toBe("does not fit BrainChip Akida AKD1000: the network's 1000000 neurons need at least 977 cores of 1024 but 1 BrainChip Akida AKD1000 chip has 80");
  });

  it('lets through a network that fills the chip exactly: 131,072 neurons on one Loihi of 128 × 1024', () => {
    expect(() => assertCanFit(oneLayer(131_072), chip('loihi', { maxChips: 1 }))).not.toThrow();
    expect(() => assertCanFit(oneLayer(131_073), chip('loihi', { maxChips: 1 }))).toThrow(/need at least 129 cores of 1024 but 1 Intel Loihi chip has 128/);
  });

  it('leaves chips without a cheap bound (Speck, Xylo) to their own rules', () => {
    expect(() => assertCanFit(oneLayer(1_000_000), chip('speck'))).not.toThrow();
    expect(() => assertCanFit(oneLayer(1_000_000), chip('xylo-audio2'))).not.toThrow();
  });
});
