/**
 * Whole networks measured on chips, with the energy each used per inference: the rows the energy
 * model is set against (`spikelab energy-check`). Every number names where it comes from; a number
 * computed from published figures or logs says how. One file per source.
 */
import { BLOUW_LOIHI_ROWS } from './blouwLoihiRows.ts';
import { PILOTNET_LOIHI2_ROWS } from './pilotNetLoihi2Rows.ts';
import type { MeasuredRow } from './planTypes.ts';
import { XYLO_AUDIO2_ROWS } from './xyloAudio2Rows.ts';

export type { MeasuredRow, NetworkPlan } from './planTypes.ts';

/** Every measured row, by chip. */
export const MEASURED_ROWS: readonly MeasuredRow[] = [...BLOUW_LOIHI_ROWS, ...PILOTNET_LOIHI2_ROWS, ...XYLO_AUDIO2_ROWS];
