import type { AbortSignalLike, Violation } from '../errors.ts';
import type { Rng } from '../rng.ts';
import type { ChipProfile } from './chipProfile.ts';
import type { Activity } from './clusterLoads.ts';
import type { NetGraph } from './netGraph.ts';
import { greedyPartition, type CoreLimits, type Partition } from './partition.ts';
import type { PopulationGraph } from './populations.ts';
import { refinePartition } from './refinePartition.ts';
import { mapSpeck } from './layerCores.ts';
import { xyloDesignRules } from './singleCoreRules.ts';

/** How an architecture splits the network into cores, and (for fixed-routing chips) where they sit. */
export interface ArchitecturePartition {
  readonly partition: Partition;
  readonly violations: Violation[];
  /** Chips whose cores are fixed by the assignment (Speck, Xylo): the slots, no annealing. */
  readonly slots?: { readonly slotOf: Int32Array };
  readonly packetsGreedy: number;
  readonly packetsRefined: number;
  /** Chip-specific utilisation of a cluster (e.g. Speck's kernel and neuron memory). */
  readonly extraUtilisation: (cluster: number) => Record<string, number>;
  readonly notes: string[];
}

/** Mesh chips: capacity-aware greedy partition, then traffic-minimising refinement. */
async function meshPartition(ng: NetGraph, limits: CoreLimits, act: Activity, rng: Rng, signal?: AbortSignalLike): Promise<ArchitecturePartition> {
  const greedy = greedyPartition(ng, limits);
  const refined = await refinePartition(ng, greedy.partition, limits, act, rng, signal);
  return {
    partition: refined.partition,
    violations: greedy.violations,
    packetsGreedy: refined.packetsBefore,
    packetsRefined: refined.packetsAfter,
    extraUtilisation: () => ({}),
    notes: [`refinement: ${refined.moves} neuron moves in ${refined.passes} passes`],
  };
}

/** Speck / DYNAP-CNN: one core per layer, assigned by bipartite matching under the memory formulas. */
function layerCorePartition(ng: NetGraph, graph: PopulationGraph, chip: ChipProfile): ArchitecturePartition {
  const m = mapSpeck(graph, chip);
  const lc = chip.layerCores;
  const coreOf = Int32Array.from(ng.popOf);
  const byPop = new Map(m.layers.map((l) => [l.population, l]));
  // A layer without a core (misfit) is drawn on the next free core so the view still shows it.
  const used = new Set(m.layers.map((l) => l.core).filter((c): c is number => c !== null));
  let spare = 0;
  const slotOf = Int32Array.from(graph.populations, (_, p) => {
    const core = byPop.get(p)?.core;
    if (core !== null && core !== undefined) return core;
    while (used.has(spare)) spare++;
    used.add(spare);
    return Math.min(spare, chip.meshW * chip.meshH - 1);
  });
  return {
    partition: { coreOf, clusters: graph.populations.length },
    violations: [...m.violations],
    slots: { slotOf },
    packetsGreedy: 0,
    packetsRefined: 0,
    extraUtilisation: (c) => {
      const l = byPop.get(c);
      const core = slotOf[c] as number;
      if (!l || !lc) return {};
      return { kernel_memory: l.memory.kernel / (lc.kernelMemory[core] ?? 1), neuron_memory: l.memory.neuron / (lc.neuronMemory[core] ?? 1) };
    },
    notes: [
      `layer → core: ${m.layers.map((l) => `${l.layer} → ${l.core ?? 'none'} (feasible ${l.feasibleCores.join(', ') || 'none'})`).join('; ')}`,
      ...(m.inputPool > 1 ? [`input pooled ${m.inputPool}×${m.inputPool} by the DVS pre-processing`] : []),
    ],
  };
}

/** Xylo: everything on its one core, checked against the design rules. */
function singleCorePartition(ng: NetGraph, graph: PopulationGraph, chip: ChipProfile, dtMs: number): ArchitecturePartition {
  const r = xyloDesignRules(graph, chip, { dtMs });
  const sc = chip.singleCore;
  return {
    partition: { coreOf: new Int32Array(ng.neurons), clusters: 1 },
    violations: r.violations,
    slots: { slotOf: Int32Array.of(0) },
    packetsGreedy: 0,
    packetsRefined: 0,
    extraUtilisation: () => (sc ? { hidden_neurons: r.hidden / sc.maxHidden, fanout: r.maxFanout / sc.maxFanout, outputs: r.outputs / sc.maxOutputs, inputs: r.inputs / sc.maxInputs } : {}),
    notes: [`${r.hidden} hidden, ${r.outputs} output neurons, ${r.inputs} inputs; worst case ${Math.round(r.cyclesPerStep)} cycles per step needs a ${(r.clockHzFor(dtMs) / 1e6).toFixed(2)} MHz clock at dt = ${dtMs} ms`],
  };
}

/** Splits the network according to the chip's architecture. */
export async function architecturePartition(ng: NetGraph, graph: PopulationGraph, chip: ChipProfile, limits: CoreLimits, act: Activity, rng: Rng, dtMs: number, signal?: AbortSignalLike): Promise<ArchitecturePartition> {
  switch (chip.architecture) {
    case 'mesh':
      return meshPartition(ng, limits, act, rng, signal);
    case 'layer-cores':
      return layerCorePartition(ng, graph, chip);
    case 'single-core':
      return singleCorePartition(ng, graph, chip, dtMs);
  }
}
