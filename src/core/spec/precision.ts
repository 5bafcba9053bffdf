// How the synaptic currents of dense layers (and W3's sparse synapses) are summed. One owner for
// the names the CLI, the page and every engine use.
//
// float64 (the default): each current is summed in float64 in event order and rounded to float32
// once. The event engine, the wasm kernel and the BPTT kernel agree bit for bit, and with PyTorch,
// snnTorch and Brian2 on WORKLOADS.md's reference counts.
// float32: each add is a float32 add, in event order. Four columns share one SIMD instruction and
// nothing is widened, so the kernels run faster; a current may differ from the float64 one in its
// last bits, and a neuron sitting on its threshold may then fire one step earlier or later. The
// event engine and the wasm kernel still agree with each other bit for bit in this mode. Conv and
// pooling sums stay float64 in both modes. tfjs sums in float32 in its own order in either mode.

/** The modes, default first (the workspace's simulation.precision takes one of these). */
export const SUM_PRECISION_NAMES = ['float64', 'float32'] as const;
export type SumPrecision = (typeof SUM_PRECISION_NAMES)[number];

export const SUM_PRECISIONS: Readonly<Record<SumPrecision, { readonly label: string; readonly description: string; readonly kernelFlag: 0 | 1 }>> = {
  float64: { kernelFlag: 0, label: 'float64 (exact)', description: 'currents summed in float64 and rounded once: every engine gives the same spikes bit for bit' },
  float32: { kernelFlag: 1, label: 'float32 (faster)', description: 'currents summed in float32: faster kernels; a few spikes per million may move by a step against float64 sums' },
};

export const DEFAULT_PRECISION: SumPrecision = 'float64';

/** The 0/1 flag the wasm kernels take for a precision (their `narrow` argument). */
export function kernelFlag(p: SumPrecision = DEFAULT_PRECISION): 0 | 1 {
  return SUM_PRECISIONS[p].kernelFlag;
}

export function isSumPrecision(s: unknown): s is SumPrecision {
  return (SUM_PRECISION_NAMES as readonly unknown[]).includes(s);
}
