import { trainingSchema } from '../../../core/spec/trainingConfig.ts';
import type { Distillation } from '../../studyController.ts';
import { checkNumberText, shownText, type NumberEdit, type ShownNumber } from './numberFieldText.ts';

/** The core's schema of the setting, so the page allows exactly what training does. */
const distillationSchema = trainingSchema.shape.distillation.unwrap();

/** A knob of the distillation editor: the Distillation key it edits, its label and tooltip. */
export interface DistillationField extends ShownNumber {
  readonly key: keyof Distillation & string;
  readonly title: string;
}

/** The two knobs, in the order shown. Both are plain numbers (no unit). */
export const DISTILLATION_FIELDS: readonly DistillationField[] = [
  { key: 'temperature', label: 'temperature', unit: '', scale: 1, title: "T: softens the teacher's and the student's outputs before they are compared; the soft-target term is scaled by T² to keep its gradient's size" },
  { key: 'weight', label: 'mixing weight', unit: '', scale: 1, title: "α: the loss is (1 − α)·cross-entropy on the labels + α·T²·KL to the teacher's soft targets" },
];

/** A knob's value as its input shows it. */
export function distillationText(d: Distillation, field: DistillationField): string {
  return shownText(d[field.key], field);
}

/** Applies the text typed into one knob, validated by the core's schema (temperature 1–50, weight 0–1). */
export function editDistillation(d: Distillation, field: DistillationField, text: string): NumberEdit<Distillation> {
  return checkNumberText(text, field, (v) => distillationSchema.safeParse({ ...d, [field.key]: v }));
}
