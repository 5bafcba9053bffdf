import { parseArgs } from 'node:util';
import { formatEngineering as formatSi } from '../core/format/engineering.ts';
import { offByFactor, runEnergyCheck, worstHeldOutRatio, type EnergyCheckReport } from '../core/hardware/energyCheck/energyCheck.ts';
import { EXIT, type CliIo } from './io.ts';

/** The JSON of the issue: `{ rows: [{ system, chip, network, measured_j, modelled_j, ratio, source, held_out }] }`, plus the fits and the worst held-out ratio. */
function toJson(r: EnergyCheckReport) {
  return {
    rows: r.rows.map((row) => ({
      system: row.system,
      chip: row.chip,
      network: row.network,
      measured_j: row.measuredJ,
      modelled_j: row.modelledJ,
      ratio: row.ratio,
      source: row.source,
      held_out: row.heldOut,
    })),
    fits: Object.fromEntries(Object.entries(r.fits).map(([chip, f]) => [chip, { scale: f.scale, host_power_w: f.hostPowerW, fitted_on: f.fittedOn }])),
    worst_held_out_ratio: worstHeldOutRatio(r),
  };
}

/** The human table: one line per row, the fitted parameters, then the worst held-out ratio. */
function printTable(r: EnergyCheckReport, io: CliIo): void {
  const cols = (cells: string[]) => io.out(cells[0]!.padEnd(44) + cells[1]!.padEnd(13) + cells[2]!.padEnd(40) + cells[3]!.padStart(10) + cells[4]!.padStart(10) + cells[5]!.padStart(7) + '  ' + cells[6]!.padEnd(9) + cells[7]!.padStart(10) + '  ' + cells[8]);
  cols(['system', 'chip', 'network', 'measured', 'modelled', 'ratio', 'held-out', 'host part', 'source']);
  // The host part is the fitted host-interface power over the row's measured wall time: shown so
  // that a good ratio cannot hide how little of it the per-op chip model carries.
  for (const row of r.rows)
    cols([row.system.slice(0, 43), row.chip, row.network.slice(0, 39), formatSi(row.measuredJ, 'J'), formatSi(row.modelledJ, 'J'), row.ratio.toFixed(2), row.heldOut ? 'held-out' : 'fit', `${((100 * row.hostJ) / row.modelledJ).toFixed(0)} %`, row.source]);
  for (const [chip, f] of Object.entries(r.fits))
    io.out(
      f.fittedOn.length === 0
        ? `${chip}: no fit row — the per-op model as it stands (scale 1, no host power)`
        : `${chip}: fitted on ${f.fittedOn.join(', ')}: scale ${f.scale.toFixed(3)} on the per-op dynamic energy, host-interface power ${formatSi(f.hostPowerW, 'W')} over the measured wall time`,
    );
  const worst = worstHeldOutRatio(r);
  const within = r.rows.filter((row) => row.heldOut && offByFactor(row.ratio) <= 2).length;
  const held = r.rows.filter((row) => row.heldOut).length;
  io.out(`worst held-out ratio: ${Number.isFinite(worst) ? `${worst.toFixed(2)}×` : 'none (no held-out row)'} (${within} of ${held} held-out rows within 2×)`);
}

/** `spikelab energy-check`: the energy model against chips measured running whole networks. */
export async function energyCheckCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean', default: false }, chip: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  const report = await runEnergyCheck(values.chip === undefined ? {} : { chip: values.chip });
  if (values.json) io.out(JSON.stringify(toJson(report)));
  else printTable(report, io);
  return EXIT.ok;
}
