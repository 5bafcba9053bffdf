import type { StudyProgressShown } from '../../store/studySlice.ts';

/** What each stage of a system is called in the progress line. */
const STAGE_WORDS: Readonly<Record<StudyProgressShown['stage'], string>> = { train: 'training', score: 'scoring', map: 'costing the energy of', 'learn on device': 'learning a new class on the device with' };

/** How far into a system each stage starts (training takes most of a system's time). */
const STAGE_START: Readonly<Record<StudyProgressShown['stage'], number>> = { train: 0, score: 0.75, map: 0.9, 'learn on device': 0 };

/** "training SSF, 4-bit weights, system 2 of 5"; before the first report, "preparing". */
export function studyProgressText(p: StudyProgressShown | null): string {
  if (!p) return 'preparing the study (a first run also checks the energy model)…';
  if (p.done >= p.total) return `finishing, ${p.total} of ${p.total} systems done`;
  return `${STAGE_WORDS[p.stage]} ${p.system}, system ${p.done + 1} of ${p.total}`;
}

/** The progress bar's fraction, 0…1: finished systems plus how far into the current one its stage is. */
export function studyProgressFraction(p: StudyProgressShown | null): number {
  if (!p || p.total <= 0) return 0;
  if (p.done >= p.total) return 1;
  return Math.min(1, (p.done + STAGE_START[p.stage]) / p.total);
}
