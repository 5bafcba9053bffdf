import { parseArgs } from 'node:util';
import { coresPerChip, limitOf } from '../core/hardware/chipProfile.ts';
import { CHIP_PROFILES } from '../core/hardware/chips/index.ts';
import { ENERGY_OPERATIONS, neuEdgeNote } from '../core/hardware/energyOperations.ts';
import { EXIT, type CliIo } from './io.ts';


/** `spikelab chips`: the built-in chip profiles (with --json: every figure with its source and status). */
export async function chipsCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } }, strict: true, allowPositionals: false });
  if (values.json) {
    io.out(JSON.stringify(CHIP_PROFILES));
    return EXIT.ok;
  }
  io.out('id'.padEnd(16) + 'name'.padEnd(30) + 'architecture'.padEnd(14) + 'cores'.padStart(7) + 'neurons/core'.padStart(14) + 'pJ/syn event'.padStart(14));
  for (const c of CHIP_PROFILES) {
    const fanout = limitOf(c.fanoutCoresPerNeuron);
    io.out(c.id.padEnd(16) + c.name.slice(0, 29).padEnd(30) + c.architecture.padEnd(14) + String(coresPerChip(c)).padStart(7) + String(c.neuronsPerCore).padStart(14) + String(c.energy.synOpPJ).padStart(14) + (Number.isFinite(fanout) ? `  fan-out ${fanout} core` : ''));
  }
  io.out(`pJ/syn event = energy per ${ENERGY_OPERATIONS['energy.synOpPJ']}; not a MAC, not a neuron or core update (0 = no per-op figure: the chip is costed by power × time)`);
  io.out(`note: ${neuEdgeNote()}`);
  io.out('figures and their sources: spikelab chips --json (or the Chip view of the page); the model against measured chips: spikelab energy-check');
  return EXIT.ok;
}
