import { beforeAll, describe, expect, it } from 'vitest';
import { SpecError } from '../../errors.ts';
import { populationsOf } from '../populations.ts';
import { energyClaimRange, offByFactor, runEnergyCheck, worstHeldOutRatio, type EnergyCheckReport } from './energyCheck.ts';
import { MEASURED_ROWS, type MeasuredRow } from './measuredRows.ts';
import { planEvents, planNetwork } from './rebuildNetwork.ts';

const row = (id: string): MeasuredRow => {
  const r = MEASURED_ROWS.find((x) => x.id === id);
  if (!r) throw new Error(`no row ${id}`);
  return r;
};

/** Synapses of every dense group of a rebuilt network (in · out per group). */
function synapses(r: MeasuredRow): number {
  return populationsOf(planNetwork(r.plan)).populations.reduce((s, p) => s + p.groups.reduce((g, grp) => g + (grp.inShape[0] as number) * p.size, 0), 0);
}

describe('the measured networks rebuilt', () => {
  it('the table holds at least three networks on at least two chips, each chip with a held-out row', () => {
    const chips = new Set(MEASURED_ROWS.map((r) => r.chip));
    expect(new Set(MEASURED_ROWS.map((r) => r.network)).size).toBeGreaterThanOrEqual(3);
    expect(chips.size).toBeGreaterThanOrEqual(2);
    for (const c of chips) expect(MEASURED_ROWS.some((r) => r.chip === c && r.heldOut)).toBe(true);
    // Row ids key the fit: they must be unique.
    expect(new Set(MEASURED_ROWS.map((r) => r.id)).size).toBe(MEASURED_ROWS.length);
  });

  it('PilotNet LIF has the layer sizes netx prints for network.net: 200×66×3 → 99×32×24 → 49×15×36 → 24×7×48 → 22×4×64 → 20×2×64 → 100 → 50 → 10 → 1', () => {
    const g = populationsOf(planNetwork(row('pilotnet-lif-loihi2').plan));
    expect(g.input.shape).toEqual([66, 200, 3]);
    expect(g.populations.map((p) => p.shape)).toEqual([[32, 99, 24], [15, 49, 36], [7, 24, 48], [4, 22, 64], [2, 20, 64], [100], [50], [10], [1]]);
  });

  it('Blouw’s keyword spotter is 390 → 256 → 256 on the chip, 10 steps of 1 ms (Blouw 2018 Fig. 2; nengo-loihi example)', () => {
    const r = row('blouw-kws');
    const g = populationsOf(planNetwork(r.plan));
    expect(g.input.size).toBe(390);
    expect(g.populations.map((p) => p.size)).toEqual([256, 256]);
    expect(synapses(r)).toBe(390 * 256 + 256 * 256);
    expect([r.plan.steps, r.plan.dtMs, r.plan.sizes]).toEqual([10, 1, 'paper']);
  });

  it.each([1, 2, 4, 6, 8, 10])('the scaling network with N = %i adds N branches of 10 × 256 neurons and their synapses (Blouw Fig. 7)', (n) => {
    const r = row(`blouw-scaled-${n}`);
    const g = populationsOf(planNetwork(r.plan));
    expect(g.populations.length).toBe(2 + 10 * n);
    expect(g.populations.every((p) => p.size === 256)).toBe(true);
    // Input → h1, each branch's 10 layers (the first from h1), and every branch's end into h2.
    expect(synapses(r)).toBe(390 * 256 + n * 10 * 256 * 256 + n * 256 * 256);
  });

  it('drives every population at the plan’s rate: spikes ≈ rate · dt · neurons · steps, and the same seed gives the same spikes', () => {
    const r = row('blouw-scaled-2');
    const net = planNetwork(r.plan);
    const ev = planEvents(r.plan, net, 1, r.id);
    const neurons = populationsOf(net).populations.reduce((s, p) => s + p.size, 0);
    const spikes = ev.pops.reduce((s, p) => s + p.ids.length, 0);
    const expected = (r.plan.layerRateHz * r.plan.dtMs) / 1000 * neurons * r.plan.steps;
    // 5,632 neurons × 10 steps × p = 0.1: sd ≈ 71 spikes on 5,632, so 5 % is many sd wide.
    expect(Math.abs(spikes - expected) / expected).toBeLessThan(0.05);
    expect(planEvents(r.plan, net, 1, r.id).pops[0]?.ids).toEqual(ev.pops[0]?.ids);
  });
});

describe('runEnergyCheck', () => {
  // A small table, quick to cost: Loihi's keyword spotter held out against two scaling fit rows, and both Xylo rows.
  const small = ['blouw-kws', 'blouw-scaled-1', 'blouw-scaled-4', 'xylo-aloha', 'xylo-dcase'].map(row);
  let report: EnergyCheckReport;
  beforeAll(async () => {
    report = await runEnergyCheck({ rows: small });
  }, 120_000);

  it('gives every row a finite, positive modelled energy, and ratio = modelled ÷ measured', () => {
    for (const r of report.rows) {
      expect(Number.isFinite(r.modelledJ) && r.modelledJ > 0).toBe(true);
      expect(r.ratio).toBe(r.modelledJ / r.measuredJ);
    }
  });

  it('fits each chip on its fit rows only', () => {
    expect(report.fits.loihi?.fittedOn).toEqual(['blouw-scaled-1', 'blouw-scaled-4']);
    expect(report.fits['xylo-audio2']?.fittedOn).toEqual(['xylo-aloha']);
  });

  it('leaves the fitted parameters unchanged when a held-out row’s measurement changes, and changes them when a fit row’s does', async () => {
    const bump = (id: string) => small.map((r) => (r.id === id ? { ...r, measuredJ: r.measuredJ * 10 } : r));
    const heldChanged = await runEnergyCheck({ rows: bump('blouw-kws').map((r) => (r.id === 'xylo-dcase' ? { ...r, measuredJ: r.measuredJ * 10 } : r)) });
    expect(heldChanged.fits).toEqual(report.fits);
    // The held-out rows' modelled energies are the same too: only their measured value (and so the ratio) moved.
    expect(heldChanged.rows.map((r) => r.modelledJ)).toEqual(report.rows.map((r) => r.modelledJ));
    const fitChanged = await runEnergyCheck({ rows: bump('xylo-aloha') });
    expect(fitChanged.fits['xylo-audio2']?.scale).toBeCloseTo((report.fits['xylo-audio2']?.scale ?? 0) * 10, 9);
  }, 120_000);

  it('reports as worst held-out ratio the largest factor off (either way) over the held-out rows', () => {
    const held = report.rows.filter((r) => r.heldOut);
    expect(worstHeldOutRatio(report)).toBe(Math.max(...held.map((r) => offByFactor(r.ratio))));
    expect(worstHeldOutRatio({ rows: report.rows.filter((r) => !r.heldOut), fits: report.fits })).toBeNaN();
    expect([offByFactor(2), offByFactor(0.5), offByFactor(1)]).toEqual([2, 2, 1]);
  });

  it('turns a modelled claim into the range the worst held-out ratio allows, and an unchecked one into an unbounded range', () => {
    expect(energyClaimRange(3e-6, 1.5)).toEqual({ lowJ: 2e-6, highJ: 4.5e-6 });
    expect(energyClaimRange(3e-6, worstHeldOutRatio(report)).lowJ).toBeLessThanOrEqual(3e-6);
    expect(energyClaimRange(3e-6, NaN)).toEqual({ lowJ: 0, highJ: Infinity });
  });

  it('refuses a chip without measurements with a SpecError that lists the chips that have them', async () => {
    const err = await runEnergyCheck({ chip: 'truenorth', rows: small }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpecError);
    expect((err as Error).message).toMatch(/truenorth.*loihi, xylo-audio2/);
  });
});
