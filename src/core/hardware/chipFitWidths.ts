import type { ChipProfile } from './chipProfile.ts';

/** Hidden widths of a dense chain chosen against a chip's per-core limits, and what each layer takes. */
export interface ChipFit {
  /** The widths to build, one per hidden layer. */
  readonly widths: readonly number[];
  /** Neurons one core holds for each layer (neuron slots, synapse memory and input axons allowing). */
  readonly perCore: readonly number[];
  /** Cores each layer fills. */
  readonly cores: readonly number[];
  /** What was changed and why, one line per change. */
  readonly notes: readonly string[];
}

/**
 * Picks the hidden widths of a dense chain (inputs → widths… → a read-out) so that it fits a mesh
 * chip and fills the cores it takes (NeuEdge's structure that fits the chip). Walking the chain:
 * a neuron's fan-in is the width before it, so a width is first capped at the chip's fan-in per
 * neuron and at the input axons one core accepts (a dense layer's core hears every source). Then a
 * core holds perCore = min(neuronsPerCore, ⌊synapse bits ÷ (fan-in · weight bits)⌋) neurons of the
 * layer, and the width becomes the largest whole number of full cores not above the asked width
 * (at least one core): a half-empty core costs its idle updates and static share for nothing.
 * The read-out's fan-in (the last hidden width) is checked against the fan-in cap too.
 */
export function fitDenseWidths(inputs: number, widths: readonly number[], chip: ChipProfile, weightBits: number): ChipFit {
  const fanInCap = Math.min(chip.fanInPerNeuron ?? Infinity, chip.inAxonsPerCore ?? Infinity);
  const notes: string[] = [];
  if (inputs > fanInCap) notes.push(`the ${inputs} inputs exceed the fan-in a neuron can have on ${chip.id} (${fanInCap}): split the input layer first`);
  const slots = (fanIn: number) => Math.max(1, Math.min(chip.neuronsPerCore, Math.floor((chip.synapseBitsPerCore ?? Infinity) / (fanIn * weightBits))));
  const out: number[] = [];
  const perCore: number[] = [];
  const cores: number[] = [];
  let fanIn = inputs;
  widths.forEach((asked, i) => {
    let w = Math.min(asked, fanInCap);
    if (w < asked) notes.push(`hidden ${i + 1}: ${asked} → ${w}, the largest fan-in of the next layer on ${chip.id}`);
    const cap = slots(fanIn);
    const full = Math.max(1, Math.floor(w / cap));
    const fitted = Math.min(w, full * cap);
    if (fitted !== w) notes.push(`hidden ${i + 1}: ${w} → ${fitted}, ${full} full core${full === 1 ? '' : 's'} of ${cap} neurons (fan-in ${fanIn} at ${weightBits} bits)`);
    w = fitted;
    out.push(w);
    perCore.push(cap);
    cores.push(Math.ceil(w / cap));
    fanIn = w;
  });
  if (fanIn > fanInCap) notes.push(`the outputs' fan-in ${fanIn} exceeds ${fanInCap} on ${chip.id}`);
  return { widths: out, perCore, cores, notes };
}
