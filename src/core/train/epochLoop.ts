import { CancelledError } from '../errors.ts';
import type { Rng } from '../rng.ts';
import { scoreInChunks } from './chunkedScore.ts';
import type { TrainingConfig } from '../spec/trainingConfig.ts';
import { shuffle, type SetScore } from './inference.ts';
import { classMetrics } from './metrics.ts';
import type { EpochReport, LabelledSet, TrainHooks } from './trainer.ts';

/** The training split: validation indices, training indices, and the class weights of the training part. */
export interface TrainSplit {
  readonly val: readonly number[];
  readonly trainIdx: readonly number[];
  /** Per class: N/(classes·count) with 'balanced' weighting, else 1. */
  readonly classWeight: readonly number[];
}

/** Shuffles the set with the run's seed and holds out `validationFraction` of it. */
export function splitForTraining(set: LabelledSet, cfg: TrainingConfig, rng: Rng): TrainSplit {
  const order = shuffle(set.labels.length, rng.fork('split'));
  const nVal = Math.round(order.length * cfg.validationFraction);
  const trainIdx = order.slice(nVal);
  const counts = new Array<number>(set.classes).fill(0);
  for (const i of trainIdx) counts[set.labels[i] as number]! += 1;
  const classWeight = counts.map((c) => (cfg.classWeighting === 'balanced' && c > 0 ? trainIdx.length / (set.classes * c) : 1));
  return { val: order.slice(0, nVal), trainIdx, classWeight };
}

/** What the loop needs from a training engine (tfjs or the BPTT kernel). */
export interface EpochEngine<Checkpoint> {
  /** One update on the batch `idx` at learning rate `lr`; the loss before it and the hidden firing rate. */
  trainBatch(idx: readonly number[], lr: number): { loss: number; rate: number } | Promise<{ loss: number; rate: number }>;
  /** Predictions, loss and spikes per sample at inference (a promise when threads share the work). */
  score(idx: readonly number[]): SetScore | Promise<SetScore>;
  /** The state to keep when validation improves. */
  checkpoint(): Checkpoint;
}

/** How the loop ended, with the best checkpoint by validation accuracy. */
export interface EpochLoopResult<Checkpoint> {
  readonly history: readonly EpochReport[];
  /** The best finished epoch, its state and its validation predictions (in the split's `val` order, or `trainIdx` without a validation split). */
  readonly best: { readonly epoch: number; readonly checkpoint: Checkpoint; readonly valPred: Int32Array };
  readonly stoppedEarly: boolean;
  readonly cancelled: boolean;
}

/**
 * The epochs of a training run, shared by every engine: shuffled batches, pause and cancel between
 * batches (cancelling keeps the best checkpoint), accuracy on up to 512 training samples and on the
 * validation split, early stopping after `patience` epochs without improvement, and the learning
 * rate multiplied by `lrDecay` after each epoch.
 *
 * Only a finished epoch (every batch trained and the whole validation split scored) is reported or
 * can become the best: a stop in the middle of an epoch, or of its validation, drops that epoch.
 * A stop before any epoch finished throws CancelledError, so the caller keeps the weights it had.
 */
export async function runEpochs<C>(set: LabelledSet, cfg: TrainingConfig, rng: Rng, split: TrainSplit, engine: EpochEngine<C>, hooks: TrainHooks = {}): Promise<EpochLoopResult<C>> {
  const { val, trainIdx } = split;
  const labelsOf = (idx: readonly number[]) => Int32Array.from(idx, (i) => set.labels[i] as number);
  const history: EpochReport[] = [];
  let best: { epoch: number; acc: number; spikes: number; checkpoint: C; valPred: Int32Array } = { epoch: -1, acc: -1, spikes: Infinity, checkpoint: engine.checkpoint(), valPred: new Int32Array(0) };
  // Trained for energy, an epoch as accurate as the best with fewer spikes is better: without this
  // the first epoch to reach an accuracy would be kept, before the energy term had worked.
  const sparserWins = (cfg.energyLoss?.weight ?? 0) > 0;
  let stale = 0;
  let cancelled = false;
  let stoppedEarly = false;
  let lr = cfg.learningRate;
  const batches = Math.ceil(trainIdx.length / cfg.batchSize);
  const valIdx = val.length > 0 ? val : trainIdx;
  for (let epoch = 0; epoch < cfg.epochs && !cancelled; epoch++) {
    const perm = shuffle(trainIdx.length, rng.fork(`epoch${epoch}`)).map((k) => trainIdx[k] as number);
    let lossSum = 0;
    let rate = 0;
    const started = Date.now();
    for (let b = 0; b < batches; b++) {
      if (hooks.signal?.aborted) {
        cancelled = true;
        break;
      }
      await hooks.gate?.();
      const step = await engine.trainBatch(perm.slice(b * cfg.batchSize, (b + 1) * cfg.batchSize), lr);
      lossSum += step.loss;
      rate = step.rate;
      hooks.onBatch?.(b + 1, batches);
      // Give the worker's event loop a turn: pause, cancel and progress messages get through.
      await new Promise<void>((r) => setTimeout(r, 0));
    }
    if (cancelled) break;
    const msPerBatch = (Date.now() - started) / Math.max(1, batches);
    const trainSample = trainIdx.slice(0, 512);
    const trainAcc = classMetrics(labelsOf(trainSample), (await engine.score(trainSample)).pred, set.classes).accuracy;
    const scored = await scoreInChunks((idx) => engine.score(idx), valIdx, { signal: hooks.signal });
    if (!scored) {
      cancelled = true;
      break;
    }
    const valAcc = classMetrics(labelsOf(valIdx), scored.pred, set.classes).accuracy;
    const report: EpochReport = { epoch, loss: lossSum / Math.max(1, batches), trainAccuracy: trainAcc, valAccuracy: valAcc, rate, msPerBatch, valLoss: scored.loss, layerSpikes: scored.layerSpikes };
    history.push(report);
    hooks.onEpoch?.(report);
    const spikes = Object.values(scored.layerSpikes).reduce((a, b) => a + b, 0);
    if (valAcc > best.acc || (sparserWins && valAcc === best.acc && spikes < best.spikes)) {
      if (valAcc > best.acc) stale = 0;
      else if (cfg.patience > 0 && ++stale >= cfg.patience) stoppedEarly = true;
      best = { epoch, acc: valAcc, spikes, checkpoint: engine.checkpoint(), valPred: scored.pred };
      if (stoppedEarly) break;
    } else if (cfg.patience > 0 && ++stale >= cfg.patience) {
      stoppedEarly = true;
      break;
    }
    lr *= cfg.lrDecay;
  }
  if (best.epoch < 0) throw new CancelledError('training (stopped before its first epoch finished, so no weights were learned)');
  return { history, best: { epoch: best.epoch, checkpoint: best.checkpoint, valPred: best.valPred }, stoppedEarly, cancelled };
}
