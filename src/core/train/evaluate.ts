import * as tf from '@tensorflow/tfjs';
import type { CompiledNetwork } from '../engine/types.ts';
import type { TrainingConfig } from './config.ts';
import { createVariables } from './forward.ts';
import { classMetrics, type ClassMetrics } from './metrics.ts';
import { predict, type LabelledSet } from './trainer.ts';

/** Predicts every sample of a set with the network's weights and scores it. */
export function evaluateSet(net: CompiledNetwork, set: LabelledSet, dtMs: number, cfg: TrainingConfig): ClassMetrics {
  const vars = createVariables(net);
  try {
    const idx = Array.from({ length: set.labels.length }, (_, i) => i);
    return classMetrics(set.labels, predict(net, vars, set, idx, dtMs, cfg), set.classes);
  } finally {
    tf.dispose(Object.values(vars));
  }
}

/** The `eval --json` object: accuracy, macro_f1, classes, per_class {recall, precision, support}, confusion. */
export function metricsJson(m: ClassMetrics, classes: readonly string[]) {
  return {
    accuracy: m.accuracy,
    macro_f1: m.macroF1,
    classes: [...classes],
    per_class: Object.fromEntries(classes.map((c, i) => [c, { recall: m.perClass[i]?.recall ?? 0, precision: m.perClass[i]?.precision ?? 0, support: m.perClass[i]?.support ?? 0 }])),
    confusion: m.confusion,
  };
}
