// Surrogate-gradient BPTT for dense → LIF layers (src/core/train/bptt/wasmBptt.ts drives it; the
// TypeScript reference with the same semantics is src/core/train/bptt/denseLifBptt.ts).
// Event lists: `starts` (u32, one entry per row r = t·batch + b, plus one) index into `index`
// (u32 neuron ids, increasing within a row) and, when not 0, `value` (f32, the inputs' values).
// Forward sums run in float64 in event order and are rounded once (bit-identical to the
// reference); the backward pass is float32 SIMD, as in PyTorch, except the weight gradients,
// which sum in float64. A layer with a conv geometry (`geom` ≠ 0, convBptt.ts) takes its currents
// from a conv2d instead of a dense matrix; the neuron update and the surrogate are the same.
// Each call reads its layer from a descriptor in memory (bpttLayer.ts) and its neurons' update
// from the descriptor's model id and parameter words (neuronModels.ts).

import { int, L_ACC, L_BATCH, L_CACHE, L_CAP, L_DM_NEXT, L_DM_SUM, L_DS_ABOVE, L_DS_BELOW, L_DS_BIAS, L_GEOM, L_GRAD, L_HELD, L_IN_INDEX, L_IN_STARTS, L_IN_VALUE, L_INPUTS, L_MEM, L_MODEL, L_NARROW, L_DM_ALL, L_OUT_INDEX, L_OUT_STARTS, L_P0, L_P1, L_P2, L_P3, L_REC_ACC, L_REC_GRAD, L_REC_W, L_DS_REC, L_RESET, L_SLOPE, L_STATE, L_STATE_GRAD, L_STEPS, L_TRACE, L_UNITS, L_W, L_WIDE, LAYER_WORDS, ptr, real } from './bpttLayer';
import { addConvGradientRows, convInputGradient, convRows } from './convBptt';
import { lifRow, sumRows32 } from './bpttRows';
import { MODEL_ALIF, MODEL_CUBA, MODEL_READOUT, RESET_SUBTRACT } from './neuronModels';

/** Words of a layer descriptor, for the host to check against its own layout (a stale build). */
export function bpttLayerWords(): i32 {
  return LAYER_WORDS;
}

/** acc[0 … units) = Σ over events k0 … k1 of value·W[index] in float64, rounded to float32 once. */
function sumRows(k0: u32, k1: u32, inIndex: usize, inValue: usize, w: usize, units: i32, acc: usize): void {
  const rowBytes = <usize>units << 2;
  // Float64 accumulators for the row, two lanes at a time.
  let j: i32 = 0;
  for (; j + 8 <= units; j += 8) {
    let a0 = f64x2.splat(0), a1 = f64x2.splat(0), a2 = f64x2.splat(0), a3 = f64x2.splat(0);
    const off = <usize>j << 2;
    for (let k = k0; k < k1; k++) {
      const p = w + <usize>load<u32>(inIndex + (<usize>k << 2)) * rowBytes + off;
      if (inValue == 0) {
        a0 = f64x2.add(a0, f64x2.promote_low_f32x4(v128.load64_zero(p, 0)));
        a1 = f64x2.add(a1, f64x2.promote_low_f32x4(v128.load64_zero(p, 8)));
        a2 = f64x2.add(a2, f64x2.promote_low_f32x4(v128.load64_zero(p, 16)));
        a3 = f64x2.add(a3, f64x2.promote_low_f32x4(v128.load64_zero(p, 24)));
      } else {
        const s = f64x2.splat(<f64>load<f32>(inValue + (<usize>k << 2)));
        a0 = f64x2.add(a0, f64x2.mul(s, f64x2.promote_low_f32x4(v128.load64_zero(p, 0))));
        a1 = f64x2.add(a1, f64x2.mul(s, f64x2.promote_low_f32x4(v128.load64_zero(p, 8))));
        a2 = f64x2.add(a2, f64x2.mul(s, f64x2.promote_low_f32x4(v128.load64_zero(p, 16))));
        a3 = f64x2.add(a3, f64x2.mul(s, f64x2.promote_low_f32x4(v128.load64_zero(p, 24))));
      }
    }
    const o = acc + off;
    v128.store64_lane(o, f32x4.demote_f64x2_zero(a0), 0, 0);
    v128.store64_lane(o, f32x4.demote_f64x2_zero(a1), 0, 8);
    v128.store64_lane(o, f32x4.demote_f64x2_zero(a2), 0, 16);
    v128.store64_lane(o, f32x4.demote_f64x2_zero(a3), 0, 24);
  }
  for (; j < units; j++) {
    let a: f64 = 0;
    const off = <usize>j << 2;
    for (let k = k0; k < k1; k++) {
      const x: f64 = inValue == 0 ? 1 : <f64>load<f32>(inValue + (<usize>k << 2));
      a += x * <f64>load<f32>(w + <usize>load<u32>(inIndex + (<usize>k << 2)) * rowBytes + off);
    }
    store<f32>(acc + off, <f32>a);
  }
}

/**
 * One layer's forward pass over all steps (`layer`: its descriptor, bpttLayer.ts): I = s_in·W
 * (rows of active inputs), then in float32 the neuron update of the layer's model: LIF/IF
 * m = β·m[t−1] + I − θ·s[t−1] and s = m > θ (without the reset term for reset 'none'), or the
 * read-out's m = β·m[t−1] + I with no spikes. Writes the membranes to `mem` [steps·batch·units]
 * and the spikes as event lists to outStarts / outIndex (capacity `cap`). Returns the number of
 * spikes, or −1 when they do not fit. With `held`, the input is the same at every step (a static
 * vector): its currents are summed at t = 0 only and kept in `cache` [batch·units], the same
 * float32 values a sum at every step would give. With `geom`, the currents are a conv2d of the
 * inputs (convRows, float64 scratch `wide` [units]). A current-based LIF first passes the
 * currents through its synaptic filter i = α·i[t−1] + I, kept in the state buffer [batch·units]
 * (zeroed by the host), and the membrane integrates i. An adaptive LIF (alif.ts) raises the
 * neuron's threshold with each spike: a = ρ·a[t−1] + s[t−1] in the state buffer (zeroed by the
 * host), θ[t] = θ₀ + β_a·a, the reset subtracts θ[t−1], and θ[t] is written to the trace buffer
 * [steps·batch·units] for the backward pass.
 */
export function bpttForward(layer: usize): i32 {
  const inStarts = ptr(layer, L_IN_STARTS), inIndex = ptr(layer, L_IN_INDEX), inValue = ptr(layer, L_IN_VALUE), held = int(layer, L_HELD);
  const w = ptr(layer, L_W), units = int(layer, L_UNITS), steps = int(layer, L_STEPS), batch = int(layer, L_BATCH), geom = ptr(layer, L_GEOM);
  const model = int(layer, L_MODEL), resetMode = int(layer, L_RESET);
  const beta = real(layer, L_P0), theta = real(layer, L_P1);
  const mem = ptr(layer, L_MEM), outStarts = ptr(layer, L_OUT_STARTS), outIndex = ptr(layer, L_OUT_INDEX), cap = int(layer, L_CAP);
  const acc = ptr(layer, L_ACC), cache = ptr(layer, L_CACHE), wide = ptr(layer, L_WIDE);
  const recW = ptr(layer, L_REC_W), recAcc = ptr(layer, L_REC_ACC);
  // The float32 precision mode: dense currents (and the loop's) summed in float32. Conv sums and
  // every gradient stay float64 (a weight's gradient sums thousands of terms).
  const narrow = int(layer, L_NARROW);
  // The model's own words and buffers (0 for the models that have none).
  const syn: usize = model == MODEL_CUBA ? ptr(layer, L_STATE) : 0;
  const alpha: f32 = model == MODEL_CUBA ? real(layer, L_P2) : 0;
  const adapt: usize = model == MODEL_ALIF ? ptr(layer, L_STATE) : 0;
  const thMem: usize = model == MODEL_ALIF ? ptr(layer, L_TRACE) : 0;
  const rho: f32 = model == MODEL_ALIF ? real(layer, L_P2) : 0;
  const adaptation: f32 = model == MODEL_ALIF ? real(layer, L_P3) : 0;
  const spiking = model != MODEL_READOUT;
  const subtract = spiking && resetMode == RESET_SUBTRACT;
  const rowBytes = <usize>units << 2;
  let n: i32 = 0;
  const rows = steps * batch;
  for (let r: i32 = 0; r < rows; r++) {
    store<u32>(outStarts + (<usize>r << 2), n);
    const k0 = load<u32>(inStarts + (<usize>r << 2));
    const k1 = load<u32>(inStarts + (<usize>(r + 1) << 2));
    if (held != 0 && r >= batch) {
      memory.copy(acc, cache + <usize>(r % batch) * rowBytes, rowBytes);
    } else {
      if (geom != 0) convRows(k0, k1, inIndex, inValue, w, geom, units, wide, acc);
      else if (narrow != 0) sumRows32(k0, k1, inIndex, inValue, w, units, acc);
      else sumRows(k0, k1, inIndex, inValue, w, units, acc);
      if (held != 0) memory.copy(cache + <usize>r * rowBytes, acc, rowBytes);
    }
    if (recW != 0) {
      // The loop: the previous step's own spikes through the recurrent matrix, summed as a dense
      // node's currents are (float64, rounded once), then added to the input's in float32 — the
      // event engine's gather of [input, loop], so the spikes stay bit-identical. None at t = 0.
      const q0: u32 = r >= batch ? load<u32>(outStarts + (<usize>(r - batch) << 2)) : 0;
      const q1: u32 = r >= batch ? load<u32>(outStarts + (<usize>(r - batch + 1) << 2)) : 0;
      if (narrow != 0) sumRows32(q0, q1, outIndex, 0, recW, units, recAcc);
      else sumRows(q0, q1, outIndex, 0, recW, units, recAcc);
      for (let q: i32 = 0; q < units; q++) {
        const o = <usize>q << 2;
        store<f32>(acc + o, load<f32>(acc + o) + load<f32>(recAcc + o));
      }
    }
    if (syn != 0) {
      const sr = syn + <usize>(r % batch) * rowBytes;
      for (let q: i32 = 0; q < units; q++) {
        const o = <usize>q << 2;
        const i: f32 = alpha * load<f32>(sr + o) + load<f32>(acc + o);
        store<f32>(sr + o, i);
        store<f32>(acc + o, i);
      }
    }
    // The LIF update in float32, in the reference's order; the previous step's spikes reset.
    const cur = mem + <usize>r * rowBytes;
    const hasPrev = r >= batch;
    const prev = cur - <usize>batch * rowBytes;
    if (spiking && thMem == 0) {
      // LIF/IF with a fixed threshold: four neurons at a time (lifRow), the same float32 values.
      n = lifRow(prev, hasPrev, acc, cur, units, beta, theta, subtract, outIndex, n, cap);
      if (n < 0) return -1;
      continue;
    }
    let ps: u32 = hasPrev ? load<u32>(outStarts + (<usize>(r - batch) << 2)) : 0;
    const pe: u32 = hasPrev ? load<u32>(outStarts + (<usize>(r - batch + 1) << 2)) : 0;
    const ar = adapt + <usize>(r % batch) * rowBytes;
    const thCur = thMem + <usize>r * rowBytes;
    for (let q: i32 = 0; q < units; q++) {
      const o = <usize>q << 2;
      const mPrev: f32 = hasPrev ? load<f32>(prev + o) : 0;
      let spiked = false;
      if (ps < pe && load<u32>(outIndex + (<usize>ps << 2)) == <u32>q) {
        spiked = true;
        ps++;
      }
      let reset: f32 = spiked && subtract ? theta : 0;
      let th = theta;
      if (thMem != 0) {
        // A spike implies a previous step, whose threshold is the one it crossed.
        if (spiked) reset = load<f32>(thCur - <usize>batch * rowBytes + o);
        const a: f32 = rho * load<f32>(ar + o) + (spiked ? <f32>1 : <f32>0);
        store<f32>(ar + o, a);
        th = theta + adaptation * a;
        store<f32>(thCur + o, th);
      }
      const m: f32 = beta * mPrev + load<f32>(acc + o) - reset;
      store<f32>(cur + o, m);
      if (spiking && m > th) {
        if (n >= cap) return -1;
        store<u32>(outIndex + (<usize>n << 2), q);
        n++;
      }
    }
  }
  store<u32>(outStarts + (<usize>rows << 2), n);
  return n;
}

/** grad[index[k]] += value[k]·d for the events k0 … k1; d is float32 [units], or float64 with `wide`. */
function addGradientRows(k0: u32, k1: u32, inIndex: usize, inValue: usize, units: i32, grad: usize, d: usize, wide: bool): void {
  const units2 = units & ~1;
  for (let k = k0; k < k1; k++) {
    const g = grad + ((<usize>load<u32>(inIndex + (<usize>k << 2)) * <usize>units) << 3);
    const x: f64 = inValue == 0 ? 1 : <f64>load<f32>(inValue + (<usize>k << 2));
    const vx = f64x2.splat(x);
    let q: i32 = 0;
    for (; q < units2; q += 2) {
      const gq = g + (<usize>q << 3);
      const dq = wide ? v128.load(d + (<usize>q << 3)) : f64x2.promote_low_f32x4(v128.load64_zero(d + (<usize>q << 2)));
      v128.store(gq, f64x2.add(v128.load(gq), f64x2.mul(vx, dq)));
    }
    for (; q < units; q++) {
      const dq: f64 = wide ? load<f64>(d + (<usize>q << 3)) : <f64>load<f32>(d + (<usize>q << 2));
      store<f64>(g + (<usize>q << 3), load<f64>(g + (<usize>q << 3)) + x * dq);
    }
  }
}

/** A dense layer's gradient rows, or a conv layer's taps. */
function addRows(k0: u32, k1: u32, inIndex: usize, inValue: usize, units: i32, grad: usize, d: usize, wide: bool, geom: usize): void {
  if (geom != 0) addConvGradientRows(k0, k1, inIndex, inValue, geom, grad, d, wide);
  else addGradientRows(k0, k1, inIndex, inValue, units, grad, d, wide);
}

/** dm = (ds + dsBias)·σ'(m − θ) + β·dm[t+1] for four lanes (σ' the fast sigmoid 1/(k|m − θ|+1)²). */
// @ts-ignore: decorator
@inline function dmLanes(m: v128, th: v128, ds: v128, dmNext: v128, vk: v128, one: v128, vb: v128, vbias: v128): v128 {
  const d = f32x4.add(f32x4.mul(vk, f32x4.abs(f32x4.sub(m, th))), one);
  const sg = f32x4.div(one, f32x4.mul(d, d));
  return f32x4.add(f32x4.mul(f32x4.add(ds, vbias), sg), f32x4.mul(vb, dmNext));
}

/**
 * One step t of one layer's backward pass (`layer`: its descriptor), for every sample: dm =
 * (ds + dsBias)·σ'(m − θ) + β·dm[t+1] (σ' the fast sigmoid 1/(k|u|+1)²; for a read-out σ' = 1
 * and no dsBias; `dsAbove` is [batch·units]: the input gradient of the layer above, or the loss
 * gradient of the last layer's spike counts or membrane at t; dsBias is the rate regulariser's),
 * kept in `dmNext`. Adds dm to the gradient rows of the inputs active at (t, b), and, when
 * `dsBelow` is not 0, writes the input gradient dsBelow[b·nIn + i] = Σ_j W[i][j]·dm[j]. With
 * `held` (a static input, the first layer), dm is summed over the steps in `dmSum` [batch·units,
 * float64, zeroed by the host] and enters the gradient once, at t = 0. With `geom` the layer is a
 * conv2d: its weight gradient and input gradient follow the conv's taps (convBptt.ts). For a
 * current-based LIF the synaptic current's gradient di = dm + α·di[t+1], kept in the
 * state-gradient buffer [batch·units], is what flows to the weights and the inputs. For an
 * adaptive LIF the surrogate is taken at m − θ[t] with the thresholds the forward pass stored
 * (they carry no gradient: the spikes that drive them are detached, as in the tfjs step).
 */
export function bpttBackwardStep(layer: usize, t: i32): void {
  const batch = int(layer, L_BATCH), units = int(layer, L_UNITS), nIn = int(layer, L_INPUTS);
  const model = int(layer, L_MODEL);
  const beta = real(layer, L_P0), theta = real(layer, L_P1), slope = real(layer, L_SLOPE);
  const linear: i32 = model == MODEL_READOUT ? 1 : 0;
  const dsBias: f32 = linear != 0 ? 0 : real(layer, L_DS_BIAS);
  const mem = ptr(layer, L_MEM), dsAbove = ptr(layer, L_DS_ABOVE), dmNext = ptr(layer, L_DM_NEXT);
  const inStarts = ptr(layer, L_IN_STARTS), inIndex = ptr(layer, L_IN_INDEX), inValue = ptr(layer, L_IN_VALUE);
  const w = ptr(layer, L_W), grad = ptr(layer, L_GRAD), dsBelow = ptr(layer, L_DS_BELOW);
  const held = int(layer, L_HELD), dmSum = ptr(layer, L_DM_SUM), geom = ptr(layer, L_GEOM);
  const alpha: f32 = model == MODEL_CUBA ? real(layer, L_P2) : 0;
  const diNext: usize = model == MODEL_CUBA ? ptr(layer, L_STATE_GRAD) : 0;
  const thMem: usize = model == MODEL_ALIF ? ptr(layer, L_TRACE) : 0;
  const recW = ptr(layer, L_REC_W), recGrad = ptr(layer, L_REC_GRAD), dsRec = ptr(layer, L_DS_REC);
  const outStarts = ptr(layer, L_OUT_STARTS), outIndex = ptr(layer, L_OUT_INDEX);
  const dmAll = ptr(layer, L_DM_ALL);
  const rowBytes = <usize>units << 2;
  const vb = f32x4.splat(beta), vt = f32x4.splat(theta), vk = f32x4.splat(linear != 0 ? 0 : slope), one = f32x4.splat(1), vbias = f32x4.splat(dsBias);
  const slopeK: f32 = linear != 0 ? 0 : slope;
  const units4 = units & ~3;
  for (let b: i32 = 0; b < batch; b++) {
    const r = t * batch + b;
    const m = mem + <usize>r * rowBytes;
    const ds = dsAbove + <usize>b * rowBytes;
    const dmRow = dmNext + <usize>b * rowBytes;
    const th = thMem + <usize>r * rowBytes;
    // A recurrent population's spikes also fed the loop at t + 1: that dL/ds (dsRec, from the
    // backward step of t + 1) joins the one from above.
    const dr = dsRec + <usize>b * rowBytes;
    let j: i32 = 0;
    // Two copies of the lane loop, so a chain's layers (no loop) keep the loop they had.
    if (dsRec != 0) {
      for (; j < units4; j += 4) {
        const o = <usize>j << 2;
        const dsv = f32x4.add(v128.load(ds + o), v128.load(dr + o));
        v128.store(dmRow + o, dmLanes(v128.load(m + o), thMem != 0 ? v128.load(th + o) : vt, dsv, v128.load(dmRow + o), vk, one, vb, vbias));
      }
    } else {
      for (; j < units4; j += 4) {
        const o = <usize>j << 2;
        v128.store(dmRow + o, dmLanes(v128.load(m + o), thMem != 0 ? v128.load(th + o) : vt, v128.load(ds + o), v128.load(dmRow + o), vk, one, vb, vbias));
      }
    }
    for (; j < units; j++) {
      const o = <usize>j << 2;
      const d: f32 = slopeK * Mathf.abs(load<f32>(m + o) - (thMem != 0 ? load<f32>(th + o) : theta)) + 1;
      const dsj: f32 = dsRec != 0 ? load<f32>(ds + o) + load<f32>(dr + o) : load<f32>(ds + o);
      store<f32>(dmRow + o, (dsj + dsBias) / (d * d) + beta * load<f32>(dmRow + o));
    }
    // What reaches the weights: dm, or through the synaptic filter di = dm + α·di[t+1].
    let dm = dmRow;
    if (diNext != 0) {
      dm = diNext + <usize>b * rowBytes;
      for (let q: i32 = 0; q < units; q++) {
        const o = <usize>q << 2;
        store<f32>(dm + o, load<f32>(dmRow + o) + alpha * load<f32>(dm + o));
      }
    }
    // Gradient rows of the active inputs, accumulated in float64: a weight's gradient sums
    // thousands of terms, and float32 sums in this order drift by ~1e-4 (measured on W2). A held
    // input is the same at every step: its dm is summed over the steps (dmSum, float64) and
    // multiplied into the rows once, at t = 0, the last step of the backward pass.
    if (held != 0) {
      const sum = dmSum + ((<usize>b * <usize>units) << 3);
      for (let q: i32 = 0; q < units; q++) store<f64>(sum + (<usize>q << 3), load<f64>(sum + (<usize>q << 3)) + <f64>load<f32>(dm + (<usize>q << 2)));
      if (t == 0) addRows(load<u32>(inStarts + (<usize>r << 2)), load<u32>(inStarts + (<usize>(r + 1) << 2)), inIndex, inValue, units, grad, sum, true, geom);
    } else if (dmAll != 0 && geom == 0) {
      // Kept for bpttDenseGradients, which adds every step's rows once the pass is done.
      memory.copy(dmAll + <usize>r * rowBytes, dm, rowBytes);
    } else {
      addRows(load<u32>(inStarts + (<usize>r << 2)), load<u32>(inStarts + (<usize>(r + 1) << 2)), inIndex, inValue, units, grad, dm, false, geom);
    }
    if (recW != 0) {
      // The loop's matrix learns from the current it gave at t (its rows: the spikes of t − 1), and
      // sends dL/ds[t − 1] = W_rec·dm back a step, read by the next call (t − 1) before it is rewritten.
      if (t > 0) addGradientRows(load<u32>(outStarts + (<usize>(r - batch) << 2)), load<u32>(outStarts + (<usize>(r - batch + 1) << 2)), outIndex, 0, units, recGrad, dm, false);
      for (let i: i32 = 0; i < units; i++) {
        const wr = recW + <usize>i * rowBytes;
        let s4 = f32x4.splat(0);
        let q: i32 = 0;
        for (; q < units4; q += 4) s4 = f32x4.add(s4, f32x4.mul(v128.load(wr + (<usize>q << 2)), v128.load(dm + (<usize>q << 2))));
        let s: f32 = f32x4.extract_lane(s4, 0) + f32x4.extract_lane(s4, 1) + f32x4.extract_lane(s4, 2) + f32x4.extract_lane(s4, 3);
        for (; q < units; q++) s += load<f32>(wr + (<usize>q << 2)) * load<f32>(dm + (<usize>q << 2));
        store<f32>(dr + (<usize>i << 2), s);
      }
    }
    if (dsBelow != 0 && geom != 0) convInputGradient(geom, w, dm, nIn, dsBelow + ((<usize>b * <usize>nIn) << 2));
    else if (dsBelow != 0) {
      const out = dsBelow + ((<usize>b * <usize>nIn) << 2);
      for (let i: i32 = 0; i < nIn; i++) {
        const wr = w + <usize>i * rowBytes;
        let s4 = f32x4.splat(0);
        let q: i32 = 0;
        for (; q < units4; q += 4) s4 = f32x4.add(s4, f32x4.mul(v128.load(wr + (<usize>q << 2)), v128.load(dm + (<usize>q << 2))));
        let s: f32 = f32x4.extract_lane(s4, 0) + f32x4.extract_lane(s4, 1) + f32x4.extract_lane(s4, 2) + f32x4.extract_lane(s4, 3);
        for (; q < units; q++) s += load<f32>(wr + (<usize>q << 2)) * load<f32>(dm + (<usize>q << 2));
        store<f32>(out + (<usize>i << 2), s);
      }
    }
  }
}

/**
 * Adam on n weights with float64 gradients `g`: m = β1·m + (1−β1)·g, v = β2·v + (1−β2)·g²,
 * w −= lr·(m/c1)/(√(v/c2) + ε), with c1 = 1 − β1^t and c2 = 1 − β2^t (the bias corrections,
 * computed by the host). Moments and weights are float32.
 */
export function adamUpdate(w: usize, g: usize, m: usize, v: usize, n: i32, lr: f64, beta1: f64, beta2: f64, eps: f64, c1: f64, c2: f64): void {
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 2;
    const gi = load<f64>(g + (<usize>i << 3));
    const mi = <f32>(beta1 * <f64>load<f32>(m + o) + (1 - beta1) * gi);
    const vi = <f32>(beta2 * <f64>load<f32>(v + o) + (1 - beta2) * gi * gi);
    store<f32>(m + o, mi);
    store<f32>(v + o, vi);
    store<f32>(w + o, <f32>(<f64>load<f32>(w + o) - (lr * (<f64>mi / c1)) / (Math.sqrt(<f64>vi / c2) + eps)));
  }
}
