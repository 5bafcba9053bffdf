// Row kernels of the BPTT forward pass (bptt.ts): a dense layer's currents in the float32
// precision mode, and the LIF/IF update of one row four neurons at a time.

import { COMPRESS } from './compress';

/**
 * sumRows in the float32 precision mode (precision.ts): each add a float32 add in event order, a
 * scaled row's product rounded first, as the engines' float32 mode sums (dense.ts addRows32), so
 * a trained network's forward spikes stay those the engines give in that mode.
 */
export function sumRows32(k0: u32, k1: u32, inIndex: usize, inValue: usize, w: usize, units: i32, acc: usize): void {
  const rowBytes = <usize>units << 2;
  let j: i32 = 0;
  for (; j + 16 <= units; j += 16) {
    let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
    const off = <usize>j << 2;
    for (let k = k0; k < k1; k++) {
      const p = w + <usize>load<u32>(inIndex + (<usize>k << 2)) * rowBytes + off;
      if (inValue == 0) {
        a0 = f32x4.add(a0, v128.load(p, 0));
        a1 = f32x4.add(a1, v128.load(p, 16));
        a2 = f32x4.add(a2, v128.load(p, 32));
        a3 = f32x4.add(a3, v128.load(p, 48));
      } else {
        const s = f32x4.splat(load<f32>(inValue + (<usize>k << 2)));
        a0 = f32x4.add(a0, f32x4.mul(s, v128.load(p, 0)));
        a1 = f32x4.add(a1, f32x4.mul(s, v128.load(p, 16)));
        a2 = f32x4.add(a2, f32x4.mul(s, v128.load(p, 32)));
        a3 = f32x4.add(a3, f32x4.mul(s, v128.load(p, 48)));
      }
    }
    const o = acc + off;
    v128.store(o, a0, 0);
    v128.store(o, a1, 16);
    v128.store(o, a2, 32);
    v128.store(o, a3, 48);
  }
  for (; j < units; j++) {
    let a: f32 = 0;
    const off = <usize>j << 2;
    for (let k = k0; k < k1; k++) {
      const x: f32 = inValue == 0 ? 1 : load<f32>(inValue + (<usize>k << 2));
      a += x * load<f32>(w + <usize>load<u32>(inIndex + (<usize>k << 2)) * rowBytes + off);
    }
    store<f32>(acc + off, a);
  }
}

/**
 * One row of bpttForward's update for LIF/IF neurons with a fixed threshold θ: m = β·m[t−1] + I −
 * θ·s[t−1] (without the reset term for reset 'none') and s = m > θ, four lanes at a time. A neuron
 * spiked at t − 1 exactly when its m[t−1] > θ, so the reset is read from the previous membranes
 * (no walk of the previous step's list). Appends this row's spikes to outIndex from n on; returns
 * the new count, or −1 when they do not fit in `cap`. outIndex holds `cap` entries; while 4 more
 * fit, the four lanes are stored whole (compress.ts) and those past the count are overwritten later.
 */
export function lifRow(prev: usize, hasPrev: bool, acc: usize, cur: usize, units: i32, beta: f32, theta: f32, subtract: bool, outIndex: usize, n: i32, cap: i32): i32 {
  const vb = f32x4.splat(beta), vt = f32x4.splat(theta), zero = f32x4.splat(0);
  const lanes = i32x4(0, 1, 2, 3);
  let q: i32 = 0;
  for (; q + 4 <= units; q += 4) {
    const o = <usize>q << 2;
    const mp = hasPrev ? v128.load(prev + o) : zero;
    const reset = subtract ? v128.and(f32x4.gt(mp, vt), vt) : zero;
    const m = f32x4.sub(f32x4.add(f32x4.mul(vb, mp), v128.load(acc + o)), reset);
    v128.store(cur + o, m);
    let bits = i32x4.bitmask(f32x4.gt(m, vt));
    // The whole vector fits below cap: one store of the compressed lanes (compress.ts).
    if (n + 4 <= cap) {
      v128.store(outIndex + (<usize>n << 2), i8x16.swizzle(i32x4.add(lanes, i32x4.splat(q)), v128.load(COMPRESS + (<usize>bits << 4))));
      n += <i32>popcnt(bits);
    } else if (bits != 0) {
      if (n + <i32>popcnt(bits) > cap) return -1;
      while (bits != 0) {
        store<u32>(outIndex + (<usize>n << 2), <u32>(q + ctz(bits)));
        n++;
        bits &= bits - 1;
      }
    }
  }
  for (; q < units; q++) {
    const o = <usize>q << 2;
    const mp: f32 = hasPrev ? load<f32>(prev + o) : 0;
    const reset: f32 = subtract && mp > theta ? theta : 0;
    const m: f32 = beta * mp + load<f32>(acc + o) - reset;
    store<f32>(cur + o, m);
    if (m > theta) {
      if (n >= cap) return -1;
      store<u32>(outIndex + (<usize>n << 2), <u32>q);
      n++;
    }
  }
  return n;
}
