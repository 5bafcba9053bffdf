/**
 * Spike counts as logits (snnTorch's `ce_count_loss`): counts[b·k + j] are the output layer's
 * spikes, counted from its event lists (`starts` per row r = t·batch + b into `index`, both read
 * at the given element offsets of shared arrays, so the kernel's memory serves as well).
 */
export function countSpikes(counts: Float32Array, starts: Uint32Array, startsAt: number, index: Uint32Array, indexAt: number, rows: number, batch: number, k: number): void {
  counts.fill(0);
  for (let r = 0; r < rows; r++) {
    const sample = r % batch;
    for (let e = starts[startsAt + r] as number, end = starts[startsAt + r + 1] as number; e < end; e++) {
      const at = sample * k + (index[indexAt + e] as number);
      counts[at] = (counts[at] as number) + 1;
    }
  }
}

/**
 * Mean softmax cross-entropy of the logits against the labels, each sample weighted by
 * `weights[b]` (class weighting; tf.losses' default reduction: Σ w·CE / batch). Writes
 * dLoss/dlogit into grad[gradAt + b·k + j] = w_b·(softmax − one-hot) / batch. `divisor` replaces
 * `batch` in both when these samples are a slice of a larger batch (data-parallel training: the
 * slices' losses and gradients then add up to the whole batch's).
 */
export function countCrossEntropy(counts: Float32Array, labels: Int32Array, batch: number, k: number, grad: Float32Array | Float64Array, gradAt = 0, weights?: Float64Array, divisor = batch): number {
  let loss = 0;
  for (let b = 0; b < batch; b++) {
    let max = -Infinity;
    for (let j = 0; j < k; j++) max = Math.max(max, counts[b * k + j] as number);
    let sum = 0;
    for (let j = 0; j < k; j++) sum += Math.exp((counts[b * k + j] as number) - max);
    const y = labels[b] as number;
    const w = weights ? (weights[b] ?? 1) : 1;
    loss += w * (Math.log(sum) + max - (counts[b * k + y] as number));
    for (let j = 0; j < k; j++) grad[gradAt + b * k + j] = (w * (Math.exp((counts[b * k + j] as number) - max) / sum - (j === y ? 1 : 0))) / divisor;
  }
  return loss / divisor;
}
