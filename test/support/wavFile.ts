/** A mono 16-bit PCM WAV file of `samples` in [−1, 1] (the 44-byte canonical header). */
export function pcm16Wav(samples: Float32Array, samplingHz: number): Uint8Array {
  const bytes = new Uint8Array(44 + 2 * samples.length);
  const v = new DataView(bytes.buffer);
  const ascii = (at: number, s: string) => [...s].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  v.setUint32(4, 36 + 2 * samples.length, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true); // PCM
  v.setUint16(22, 1, true); // mono
  v.setUint32(24, samplingHz, true);
  v.setUint32(28, 2 * samplingHz, true); // bytes per second
  v.setUint16(32, 2, true); // bytes per frame
  v.setUint16(34, 16, true);
  ascii(36, 'data');
  v.setUint32(40, 2 * samples.length, true);
  samples.forEach((x, i) => v.setInt16(44 + 2 * i, Math.round(32767 * Math.max(-1, Math.min(1, x))), true));
  return bytes;
}

/** A tone gliding from `fromHz` to `toHz` over `seconds`: a stand-in for a spoken digit. */
export function glide(fromHz: number, toHz: number, seconds: number, samplingHz: number): Float32Array {
  const n = Math.round(seconds * samplingHz);
  const out = new Float32Array(n);
  let phase = 0;
  for (let i = 0; i < n; i++) {
    phase += (2 * Math.PI * (fromHz + ((toHz - fromHz) * i) / n)) / samplingHz;
    out[i] = 0.5 * Math.sin(phase);
  }
  return out;
}
