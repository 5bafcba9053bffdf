/** Classification metrics of predictions against labels. */
export interface ClassMetrics {
  readonly accuracy: number;
  readonly macroF1: number;
  readonly perClass: readonly { readonly recall: number; readonly precision: number; readonly f1: number; readonly support: number }[];
  /** confusion[true][predicted]. */
  readonly confusion: readonly (readonly number[])[];
}

/** Accuracy, per-class recall/precision/F1 (0 where undefined), macro-F1 over classes with support, confusion matrix. */
export function classMetrics(labels: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): ClassMetrics {
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  let correct = 0;
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i] as number;
    const p = predicted[i] as number;
    const row = confusion[y];
    if (row) row[p] = (row[p] ?? 0) + 1;
    if (y === p) correct++;
  }
  const perClass = confusion.map((row, k) => {
    const tp = row[k] ?? 0;
    const support = row.reduce((a, b) => a + b, 0);
    const predictedK = confusion.reduce((a, r) => a + (r[k] ?? 0), 0);
    const recall = support > 0 ? tp / support : 0;
    const precision = predictedK > 0 ? tp / predictedK : 0;
    const f1 = recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0;
    return { recall, precision, f1, support };
  });
  const withSupport = perClass.filter((c) => c.support > 0);
  return {
    accuracy: labels.length > 0 ? correct / labels.length : 0,
    macroF1: withSupport.length > 0 ? withSupport.reduce((a, c) => a + c.f1, 0) / withSupport.length : 0,
    perClass,
    confusion,
  };
}
