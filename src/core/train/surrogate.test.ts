import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { detach, spikeFunction, SURROGATES, surrogateName } from './surrogate.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Smooth twins whose derivatives the surrogates are: fast sigmoid x/(1+k|x|), arctan, triangle's integral. */
const TWINS: Record<keyof typeof SURROGATES, (x: number, k: number) => number> = {
  fastSigmoid: (x, k) => x / (1 + k * Math.abs(x)),
  arctan: (x, k) => Math.atan((Math.PI * k * x) / 2) / Math.PI,
  triangle: (x, k) => (Math.abs(x) >= 1 / k ? Math.sign(x) / 2 : k * x - (k * k * x * Math.abs(x)) / 2),
};

describe('surrogate gradients', () => {
  it.each(Object.keys(SURROGATES) as (keyof typeof SURROGATES)[])('%s matches central finite differences of its smooth twin', (name) => {
    const k = 4;
    const h = 1e-5;
    for (const x of [-0.9, -0.3, -0.05, 0.02, 0.2, 0.7]) {
      const fd = (TWINS[name](x + h, k) - TWINS[name](x - h, k)) / (2 * h);
      expect(SURROGATES[name](x, k)).toBeCloseTo(fd, 4);
    }
  });

  it.each(Object.keys(SURROGATES) as (keyof typeof SURROGATES)[])('%s: the tfjs spike function is a step forward and the surrogate backward', (name) => {
    const fn = spikeFunction(name, 4);
    const xs = [-0.9, -0.05, 0.02, 0.7];
    const x = tf.tensor1d(xs);
    expect(Array.from(fn(x).dataSync())).toEqual([0, 0, 1, 1]);
    const g = tf.grad((v: tf.Tensor) => tf.sum(fn(v)))(x).dataSync();
    xs.forEach((v, i) => expect(g[i]).toBeCloseTo(SURROGATES[name](v, 4), 5));
  });

  it('detach passes values and blocks gradients', () => {
    const x = tf.tensor1d([1, 2]);
    const g = tf.grad((v: tf.Tensor) => tf.sum(tf.add(tf.mul(v, 3), detach(tf.mul(v, 5)))))(x).dataSync();
    expect(Array.from(g)).toEqual([3, 3]);
  });

  it('names the supported surrogates when asked for an unknown one', () => {
    expect(() => surrogateName('relu')).toThrow(/fastSigmoid, arctan, triangle/);
  });
});
