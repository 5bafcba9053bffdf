import * as tf from '@tensorflow/tfjs';
import type { ActivityTally } from '../engine/activityTally.ts';

/**
 * The tfjs side of an ActivityTally (engine/activityTally.ts): the same counts, kept as tensors on
 * the device during a forward pass and read once per batch, so the scoring run itself counts them.
 */
export interface TfActivityTally {
  /** Counts a connection node's input `x` ([rows, …], one row per sample and step) `times` times over. */
  input(index: number, x: tf.Tensor, times: number): void;
  /** Counts an activation node's non-zero outputs. */
  activation(index: number, y: tf.Tensor): void;
  /** Every counted tensor, to keep them out of a tf.tidy and dispose of them after reading. */
  tensors(): tf.Tensor[];
  /** Adds the counts into `into` (the network's tally) and frees the tensors. */
  readInto(into: ActivityTally): void;
}

const add = (a: tf.Tensor | undefined, b: tf.Tensor): tf.Tensor => (a ? tf.add(a, b) : b);

/** An empty device-side tally. */
export function createTfActivityTally(): TfActivityTally {
  const binary = new Map<number, tf.Tensor>();
  const real = new Map<number, tf.Tensor>();
  const active = new Map<number, tf.Tensor>();
  const totals = new Map<number, tf.Tensor>();
  const tensors = (): tf.Tensor[] => [...binary.values(), ...real.values(), ...active.values(), ...totals.values()];
  return {
    input(index, x, times) {
      const rows = x.shape[0] ?? 1;
      const flat = tf.reshape(x, [rows, -1]);
      const nz = tf.cast(tf.notEqual(flat, 0), 'float32');
      // A row is binary when each value is −1, 0 or 1 (NeuroBench's spike test): |x|·(|x| − 1) = 0.
      const a = tf.abs(flat);
      const isBinary = tf.cast(tf.all(tf.equal(tf.mul(a, tf.sub(a, 1)), 0), 1), 'float32');
      const bin = tf.reshape(tf.matMul(tf.reshape(isBinary, [1, rows]), nz), [-1]);
      const all = tf.sum(nz, 0);
      binary.set(index, add(binary.get(index), tf.mul(bin, times)));
      real.set(index, add(real.get(index), tf.mul(tf.sub(all, bin), times)));
    },
    activation(index, y) {
      active.set(index, add(active.get(index), tf.sum(tf.cast(tf.notEqual(y, 0), 'float32'))));
      totals.set(index, add(totals.get(index), tf.sum(y)));
    },
    tensors,
    readInto(into) {
      for (const t of into.inputs) {
        const b = binary.get(t.index)?.dataSync();
        const r = real.get(t.index)?.dataSync();
        for (let i = 0; i < t.binary.length; i++) {
          t.binary[i] = (t.binary[i] as number) + (b?.[i] ?? 0);
          t.real[i] = (t.real[i] as number) + (r?.[i] ?? 0);
        }
      }
      for (const t of into.activations) {
        t.nonZero += active.get(t.index)?.dataSync()[0] ?? 0;
        t.total += totals.get(t.index)?.dataSync()[0] ?? 0;
      }
      tf.dispose(tensors());
    },
  };
}
