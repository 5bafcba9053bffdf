import type { ChipProfile } from '../../../core/hardware/chipProfile.ts';
import { CHIP_TARGET_DEFAULT, type ChipTarget } from '../../../core/hardware/chipTarget.ts';
import type { MappingResult } from '../../../core/hardware/mappingTypes.ts';
import { mappingArtifacts } from '../../mappingController.ts';
import { useStore } from '../../store/index.ts';

/** The mapping on screen (looked up in the artefact store by the id the store holds). */
export function useMappingResult(): MappingResult | undefined {
  const id = useStore((s) => s.mapping?.id);
  return id ? mappingArtifacts.get(id) : undefined;
}

/** The mapping shown before it, if it is still kept. */
export function usePreviousMapping(): MappingResult | undefined {
  const id = useStore((s) => s.previousMapping?.id);
  return id ? mappingArtifacts.get(id) : undefined;
}

/** The workspace's chip target (absent = Loihi with defaults). */
export function useChipTarget(): ChipTarget {
  return useStore((s) => s.workspace?.chip) ?? CHIP_TARGET_DEFAULT;
}

/** The built-in (or custom) profile of the target chip, before the user's overrides. */
export function useBaseProfile(): ChipProfile | undefined {
  const target = useChipTarget();
  const chips = useStore((s) => s.chips);
  return target.custom ?? chips.find((c) => c.id === target.id);
}

/** A mutable copy of the chip target inside an edit recipe. */
export type ChipTargetDraft = { id: string; seed: number; congestion: number; weightBits?: number; overrides: Record<string, number | boolean> } & Record<string, unknown>;

/** Edits the workspace's chip target (undoable, validated like every workspace edit). */
export function editChip(label: string, recipe: (chip: ChipTargetDraft) => void): boolean {
  return useStore.getState().edit(label, (d) => {
    const current: ChipTargetDraft = (d['chip'] as ChipTargetDraft | undefined) ?? { id: CHIP_TARGET_DEFAULT.id, seed: CHIP_TARGET_DEFAULT.seed, congestion: CHIP_TARGET_DEFAULT.congestion, overrides: {} };
    recipe(current);
    d['chip'] = current;
  });
}
