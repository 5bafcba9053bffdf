import { describe, expect, it } from 'vitest';
import { isWebglFailure, withWebglFallback } from './trainingBackend.ts';

describe('a training that WebGL cannot run', () => {
  it('runs again on the next backend when a shader fails on WebGL, and says why', async () => {
    let calls = 0;
    const train = async () => {
      calls++;
      if (calls === 1) throw new Error('Failed to link vertex and fragment shaders.');
      return 'trained';
    };
    const out = await withWebglFallback(train, async () => 'wasm', () => true);
    expect(out).toEqual({ result: 'trained', fellBack: expect.stringMatching(/^webgl failed on this network \(Failed to link vertex and fragment shaders\.\), trained again on wasm$/) });
    expect(calls).toBe(2);
  });

  it('passes on an error of the network itself, and any error off WebGL', async () => {
    const bad = async () => {
      throw new Error('the data has 4 classes but the network ends in 5 units');
    };
    await expect(withWebglFallback(bad, async () => 'wasm', () => true)).rejects.toThrow(/4 classes/);
    const shader = async () => {
      throw new Error('Failed to compile fragment shader.');
    };
    await expect(withWebglFallback(shader, async () => 'wasm', () => false)).rejects.toThrow(/shader/);
    expect(isWebglFailure(new Error('WebGL context lost'))).toBe(true);
    expect(isWebglFailure('NaN loss')).toBe(false);
  });
});
