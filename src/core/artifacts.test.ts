import { describe, expect, it } from 'vitest';
import { createArtifactStore } from './artifacts.ts';

describe('createArtifactStore', () => {
  it('returns what was put under a fresh id and forgets the oldest beyond its capacity', () => {
    const s = createArtifactStore<Float32Array>(2);
    const a = s.put(new Float32Array([1]));
    const b = s.put(new Float32Array([2]));
    expect(a).not.toBe(b);
    expect(s.get(a)?.[0]).toBe(1);
    const c = s.put(new Float32Array([3]));
    expect(s.get(a)).toBeUndefined();
    expect(s.get(b)?.[0]).toBe(2);
    expect(s.get(c)?.[0]).toBe(3);
    expect(s.size).toBe(2);
    s.delete(b);
    expect(s.size).toBe(1);
  });
});
