import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createW2Trainer } from '../../src/core/bench/w2.ts';

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
});

describe('W2 training step (WORKLOADS.md) on tfjs-wasm', () => {
  it('starts at loss 44.15788, reaches ≈ 29.786 after three Adam steps, and leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    const trainer = createW2Trainer();
    const losses: number[] = [];
    const tensors: number[] = [];
    for (let i = 0; i < 3; i++) {
      losses.push(await trainer.step());
      tensors.push(tf.memory().numTensors);
    }
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
    // Reference values from the peers (torch 44.15788 / 29.78623, tfjs-wasm 29.78663).
    expect(losses[0]).toBeCloseTo(44.15788, 3);
    expect(losses[2]).toBeGreaterThan(29.78);
    expect(losses[2]).toBeLessThan(29.79);
    expect(new Set(tensors).size).toBe(1);
  });
});
