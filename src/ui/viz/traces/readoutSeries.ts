import type { ReadoutTrace } from '../../../core/engine/readout/readoutOverTime.ts';

/**
 * Colour of class k: the Okabe–Ito palette (told apart with the common colour-vision deficiencies),
 * then two more for a tenth class and beyond.
 */
export const CLASS_COLOURS = ['#E69F00', '#56B4E9', '#009E73', '#CC79A7', '#0072B2', '#D55E00', '#F0E442', '#000000', '#999999', '#882255'] as const;

export const classColour = (k: number): string => CLASS_COLOURS[k % CLASS_COLOURS.length] as string;

/** One class's line: its name, colour, value at every step and score under the decision. */
export interface ClassSeries {
  readonly name: string;
  readonly color: string;
  readonly values: Float32Array;
  readonly score: number;
}

/**
 * The trace as one series per class (column k of `values[t·units + k]`), named by `classes` when
 * they name every class, else by their index (an untrained or unnamed read-out).
 */
export function readoutSeries(trace: ReadoutTrace, classes: readonly string[] | undefined): ClassSeries[] {
  const named = classes && classes.length === trace.units ? classes : undefined;
  return Array.from({ length: trace.units }, (_, k) => {
    const values = new Float32Array(trace.steps);
    for (let t = 0; t < trace.steps; t++) values[t] = trace.values[t * trace.units + k] as number;
    return { name: named?.[k] ?? String(k), color: classColour(k), values, score: trace.scores[k] as number };
  });
}

/** How the title says the class is decided: by the read-out's last, largest or mean value over the run. */
export const DECIDED_BY: Readonly<Record<ReadoutTrace['decidedBy'], string>> = {
  last: 'value at the end',
  max: 'largest value over time',
  mean: 'mean over time',
};
