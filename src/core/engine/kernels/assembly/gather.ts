// A node with several inputs (a recurrent population, a residual sum) reads their element-wise sum,
// added in edge order with every sum rounded to float32: the event engine's gather (eventPlan.ts)
// and tfjs's add of the same tensors, so the currents and the spikes after them stay bit-identical.

/** out[i] = out[i] + x[i] for n float32 values, four lanes at a time. */
export function addInto(out: usize, x: usize, n: i32): void {
  let i: i32 = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    v128.store(out + o, f32x4.add(v128.load(out + o), v128.load(x + o)));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    store<f32>(out + o, load<f32>(out + o) + load<f32>(x + o));
  }
}
