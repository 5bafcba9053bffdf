import { SpecError } from '../../errors.ts';
import { chipProfileSchema, type ChipProfile } from '../chipProfile.ts';
import type { ChipTarget } from '../chipTarget.ts';
import { AKIDA_AKD1000 } from './akidaAkd1000.ts';
import { ASIC } from './asic.ts';
import { LOIHI } from './loihi.ts';
import { LOIHI2 } from './loihi2.ts';
import { applyOverrides } from './overrides.ts';
import { SPECK } from './speck.ts';
import { SPINNAKER } from './spinnaker.ts';
import { SPINNAKER2 } from './spinnaker2.ts';
import { TRUENORTH } from './truenorth.ts';
import { XYLO_AUDIO2 } from './xyloAudio2.ts';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * The built-in chips, validated (defaults filled) and frozen when the module loads, in the order
 * the workbench lists them. Edit a copy through `resolveChip`, never these objects.
 */
export const CHIP_PROFILES: readonly ChipProfile[] = [
  LOIHI,
  LOIHI2,
  TRUENORTH,
  SPINNAKER,
  SPINNAKER2,
  SPECK,
  XYLO_AUDIO2,
  AKIDA_AKD1000,
  ASIC,
].map((p) => deepFreeze(chipProfileSchema.parse(p)));

/** Ids of the built-in chips, in list order. */
export function chipIds(): string[] {
  return CHIP_PROFILES.map((p) => p.id);
}

/** A built-in chip by id; an unknown id is a SpecError at `chip.id` that lists the known ones. */
export function chipById(id: string): ChipProfile {
  const found = CHIP_PROFILES.find((p) => p.id === id);
  if (!found) throw new SpecError([{ path: 'chip.id', message: `unknown chip '${id}'; built-in chips: ${chipIds().join(', ')}` }]);
  return found;
}

/**
 * The chip a workspace maps onto: its custom profile if it has one, else the built-in profile,
 * with the user's overrides applied and validated. Always a fresh copy.
 */
export function resolveChip(target: ChipTarget): ChipProfile {
  const base = target.custom ?? chipById(target.id);
  return applyOverrides(base, target.overrides);
}
