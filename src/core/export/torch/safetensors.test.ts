import { describe, expect, it } from 'vitest';
import { DataFormatError } from '../../errors.ts';
import { readSafetensors, safetensorsBytes } from './safetensors.ts';

describe('safetensors files of a PyTorch export', () => {
  it('round-trips float32 bits and metadata, little-endian, with the data 8-byte aligned', () => {
    const w = Float32Array.from([0.1, -0, 3e-39, -1.5, 7]);
    const bytes = safetensorsBytes({ w: { shape: [5], data: w }, k: { shape: [1, 2], data: Float32Array.from([1, 2]) } }, { classes: '["Ä"]' });
    const n = new DataView(bytes.buffer).getUint32(0, true);
    expect((8 + n) % 8).toBe(0);
    expect(new DataView(bytes.buffer).getFloat32(8 + n, true)).toBe(Math.fround(0.1));
    const back = readSafetensors(bytes, 'x.safetensors');
    expect([...(back.tensors.get('w')?.values ?? [])].map((v) => Object.is(v, -0) ? '-0' : v)).toEqual([Math.fround(0.1), '-0', Math.fround(3e-39), -1.5, 7]);
    expect(back.tensors.get('k')?.shape).toEqual([1, 2]);
    expect(back.metadata).toEqual({ classes: '["Ä"]' });
  });

  it('refuses a short file, a header past the end, another dtype and a range that does not fit its shape', () => {
    const ok = safetensorsBytes({ w: { shape: [2], data: Float32Array.from([1, 2]) } });
    const refusal = (b: Uint8Array) => {
      try {
        readSafetensors(b, 'r.safetensors');
      } catch (e) {
        expect(e).toBeInstanceOf(DataFormatError);
        return (e as Error).message;
      }
      return 'read';
    };
    expect(refusal(ok.subarray(0, 5))).toMatch(/header length at byte 0: the file has 5 bytes/);
    expect(refusal(ok.subarray(0, 20))).toMatch(/header at byte 8: the header says \d+ bytes but the file has 12/);
    const ints = safetensorsBytes({ w: { shape: [2], data: Int32Array.from([1, 2]) } });
    expect(refusal(ints)).toMatch(/tensor 'w' at byte 8: dtype "I32"; Spikelab's weights are float32/);
    const head = new TextDecoder().decode(ok.subarray(8, 8 + new DataView(ok.buffer).getUint32(0, true)));
    const lying = new Uint8Array(ok);
    lying.set(Uint8Array.from(head.replace('"shape":[2]', '"shape":[3]'), (c) => c.charCodeAt(0)), 8);
    expect(refusal(lying)).toMatch(/bytes 0–8 hold 2 floats, not the 3 of shape \[3\]/);
  });
});
