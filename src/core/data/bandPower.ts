/**
 * Mean power of a real signal in [loHz, hiHz] by direct DFT at 0.5 Hz steps (Goertzel-free and
 * exact for the short epochs used here). Returns power per component (units²).
 */
export function bandPower(x: ArrayLike<number>, samplingHz: number, loHz: number, hiHz: number): number {
  const n = x.length;
  let total = 0;
  let bins = 0;
  for (let f = loHz; f <= hiHz + 1e-9; f += 0.5) {
    let re = 0;
    let im = 0;
    const w = (2 * Math.PI * f) / samplingHz;
    for (let t = 0; t < n; t++) {
      re += (x[t] as number) * Math.cos(w * t);
      im -= (x[t] as number) * Math.sin(w * t);
    }
    total += (re * re + im * im) / (n * n);
    bins++;
  }
  return total / Math.max(1, bins);
}
