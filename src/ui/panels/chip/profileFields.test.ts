import { describe, expect, it } from 'vitest';
import { chipById } from '../../../core/hardware/chips/index.ts';
import { overrideError, profileFields } from './profileFields.ts';

const loihi = chipById('loihi');

describe('chip profile fields', () => {
  it('lists every figure with its dotted path, status and source, but not names or provenance', () => {
    const rows = profileFields(loihi, {});
    const syn = rows.find((r) => r.path === 'energy.synOpPJ');
    expect(syn).toMatchObject({ kind: 'number', base: 23.6, status: 'S', override: undefined });
    expect(syn?.source).toContain('23.6 pJ');
    expect(rows.find((r) => r.path === 'weightBits')).toMatchObject({ kind: 'list', base: '1, 2, 3, 4, 5, 6, 7, 8, 9' });
    expect(rows.find((r) => r.path === 'fanInPerNeuron')).toMatchObject({ kind: 'limit', base: null });
    expect(rows.find((r) => r.path === 'energy.staticIncluded')).toMatchObject({ kind: 'boolean', base: false });
    expect(rows.some((r) => r.path === 'name' || r.path.startsWith('provenance'))).toBe(false);
  });

  it('names the operation of every per-op energy (synaptic event, neuron update, packet hop) and of no other figure', () => {
    const rows = profileFields(loihi, {});
    expect(rows.find((r) => r.path === 'energy.synOpPJ')?.operation).toMatch(/^synaptic event: one spike reaching one synapse/);
    expect(rows.find((r) => r.path === 'energy.neuronIdlePJ')?.operation).toMatch(/neuron update/);
    expect(rows.find((r) => r.path === 'energy.hopNsPJ')?.operation).toMatch(/hop north–south/);
    expect(rows.filter((r) => r.path.endsWith('PJ')).every((r) => r.operation !== undefined)).toBe(true);
    expect(rows.filter((r) => !r.path.endsWith('PJ')).every((r) => r.operation === undefined)).toBe(true);
  });

  it('marks an overridden figure as the user’s and keeps the built-in value and source beside it', () => {
    const row = profileFields(loihi, { 'energy.synOpPJ': 30 }).find((r) => r.path === 'energy.synOpPJ');
    expect(row).toMatchObject({ base: 23.6, override: 30, status: 'user' });
    expect(row?.source).toContain('Davies');
  });

  it('refuses what the profile schema refuses, with the message for that field', () => {
    expect(overrideError(loihi, {}, 'energy.synOpPJ', 12)).toBeNull();
    expect(overrideError(loihi, {}, 'energy.synOpPJ', -1)).toMatch(/>=|greater|0/);
    expect(overrideError(loihi, {}, 'neuronsPerCore', 1.5)).toMatch(/int/i);
    expect(overrideError(loihi, {}, 'energy.staticIncluded', 3)).toMatch(/true or false/);
  });
});
