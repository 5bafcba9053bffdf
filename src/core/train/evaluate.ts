import * as tf from '@tensorflow/tfjs';
import type { CompiledNetwork } from '../engine/types.ts';
import type { TrainingConfig } from '../spec/trainingConfig.ts';
import { createVariables } from './forward.ts';
import { classMetrics, type ClassMetrics } from './metrics.ts';
import { predict, type LabelledSet } from './trainer.ts';
import { scoreSet } from './inference.ts';
import { createActivityTally, type ActivityTally } from '../engine/activityTally.ts';

/** Predicts every sample of a set with the network's weights: the metrics and each prediction. */
export function evaluateSetWithPredictions(net: CompiledNetwork, set: LabelledSet, dtMs: number, cfg: TrainingConfig): { metrics: ClassMetrics; predictions: Int32Array } {
  const vars = createVariables(net);
  try {
    const idx = Array.from({ length: set.labels.length }, (_, i) => i);
    const predictions = predict(net, vars, set, idx, dtMs, cfg);
    return { metrics: classMetrics(set.labels, predictions, set.classes), predictions };
  } finally {
    tf.dispose(Object.values(vars));
  }
}

/** Predicts every sample of a set with the network's weights and scores it. */
export function evaluateSet(net: CompiledNetwork, set: LabelledSet, dtMs: number, cfg: TrainingConfig): ClassMetrics {
  return evaluateSetWithPredictions(net, set, dtMs, cfg).metrics;
}

/**
 * Scores a set like evaluateSet and counts, during the same runs, the activity NeuroBench's metrics
 * need (engine/activityTally.ts; train/neurobenchMetrics.ts turns it into the metrics).
 */
export function evaluateSetWithActivity(net: CompiledNetwork, set: LabelledSet, dtMs: number, cfg: TrainingConfig): { metrics: ClassMetrics; activity: ActivityTally } {
  const vars = createVariables(net);
  try {
    const activity = createActivityTally(net);
    const idx = Array.from({ length: set.labels.length }, (_, i) => i);
    const predictions = scoreSet(net, vars, set, idx, dtMs, cfg, {}, activity).pred;
    return { metrics: classMetrics(set.labels, predictions, set.classes), activity };
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
