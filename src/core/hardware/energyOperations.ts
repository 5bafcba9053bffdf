/**
 * The operation behind every per-operation energy figure, so a comparison of energies per op says
 * which op it counts: a synaptic event (an accumulate, AC) is not a multiply-accumulate (MAC), and
 * neither is a neuron or core update. One table, looked up by the profile field's dotted path.
 */
export const ENERGY_OPERATIONS: Readonly<Record<string, string>> = {
  'energy.synOpPJ': 'synaptic event: one spike reaching one synapse (an accumulate, AC)',
  'energy.neuronActivePJ': 'neuron update in a step with input or a spike',
  'energy.neuronIdlePJ': 'neuron update in a step without input',
  'energy.spikeLocalPJ': 'spike packet delivered within its own core or tile',
  'energy.hopEwPJ': 'spike packet crossing one router hop east–west',
  'energy.hopNsPJ': 'spike packet crossing one router hop north–south',
  'energy.chipHopPJ': 'spike packet crossing from one chip to the next',
  'energy.weightReadPJ': 'weight-memory read: one stored weight, read once per step for a source that sends any spike or count',
};

/** The operation of the ANN devices' figures (annDevices.ts). */
export const MAC_OPERATION = 'MAC: one multiply-accumulate (2 FLOPs)';

/** A published efficiency figure whose operation is not defined, and so cannot be set against a per-op energy. */
export interface UndefinedOperationFigure {
  readonly claim: string;
  readonly value: number;
  readonly unit: string;
  readonly note: string;
}

/**
 * NeuEdge's efficiency (Imanov et al., arXiv 2602.02439): 847 GOp/s/W, i.e. 1.18 pJ per "op", with
 * no published definition of the op (CHIPS.md §3), so no per-op energy is set against it.
 */
export const NEUEDGE_EFFICIENCY: UndefinedOperationFigure = {
  claim: 'NeuEdge (Imanov et al., arXiv 2602.02439)',
  value: 847,
  unit: 'GOp/s/W',
  note: 'no published operation definition — not comparable with a per-synaptic-event, per-MAC or per-update energy',
};

/** The NeuEdge note as one line, for tables that list GOp/s/W or pJ/op figures. */
export function neuEdgeNote(): string {
  const f = NEUEDGE_EFFICIENCY;
  return `${f.claim} reports ${f.value} ${f.unit}: ${f.note}`;
}
