import type { Violation } from '../errors.ts';

/** One used core after partition and placement, with what binds it. */
export interface CoreUsage {
  /** Global index: chip · coresPerChip + (y · meshW + x) · coresPerTile + core in tile. */
  readonly index: number;
  readonly chip: number;
  readonly x: number;
  readonly y: number;
  /** Neurons of each population on this core. */
  readonly layers: readonly { readonly layer: string; readonly neurons: number }[];
  readonly neurons: number;
  /** Splitter (relay) neurons the chip needs for fan-out (TrueNorth), included in `neurons`. */
  readonly splitters: number;
  readonly synapses: number;
  readonly synapseBits: number;
  readonly inAxons: number;
  readonly outAxons: number;
  readonly maxFanIn: number;
  /** Per inference: spikes its neurons fire, packets it sends and receives, synaptic ops it performs. */
  readonly spikes: number;
  readonly packetsOut: number;
  readonly packetsIn: number;
  readonly synOps: number;
  /** Used / available for every limit of the chip (1 = full), by constraint id. */
  readonly utilisation: Readonly<Record<string, number>>;
  /** The constraint with the highest ratio: what stops more neurons going onto this core. */
  readonly binding: string;
}

/** Spike packets from one core to another per inference, with the route length. */
export interface TrafficEdge {
  readonly from: number;
  readonly to: number;
  readonly packets: number;
  readonly hops: number;
}

/** What the chip does in one inference. */
export interface OpCounts {
  /** Synaptic operations: spikes × synapses they reach (the op counted by GOp/s/W). */
  readonly synOps: number;
  readonly neuronUpdatesActive: number;
  readonly neuronUpdatesIdle: number;
  /** Spike packets (one per spike and distinct destination core). */
  readonly packets: number;
  readonly hopsEw: number;
  readonly hopsNs: number;
  readonly chipHops: number;
  /** Input events from the host or sensor, and read-out values back to it. */
  readonly ioEvents: number;
  /**
   * Weights read from synapse memory: a time-stepped core reads a source's whole weight row (one
   * word per synapse it reaches) in every step where that source sends any spike or count, once
   * however large the count. An SSF layer that emits its counts once per window is read once;
   * integrate-and-fire over T steps re-reads its rows in every step it fires, up to T times.
   */
  readonly weightReads: number;
}

/** Energy of one inference, J, by cause. */
export interface EnergyBreakdown {
  readonly synOpsJ: number;
  readonly neuronActiveJ: number;
  readonly neuronIdleJ: number;
  readonly routingJ: number;
  readonly chipLinksJ: number;
  /** Weight-memory reads × weightReadPJ (0 on chips whose synOpPJ holds the read). */
  readonly weightReadsJ: number;
  /** Static power over the busy time, or over one inference period at the target's real-time rate. */
  readonly staticJ: number;
  /** Chips without per-op figures: dynamic power × run time. */
  readonly dynamicJ: number;
  readonly totalJ: number;
}

/** Latency of one inference, s, by cause. */
export interface LatencyBreakdown {
  /** Σ over steps of the busiest core's work (synaptic ops, neuron updates, packets). */
  readonly computeS: number;
  readonly barrierS: number;
  /** Extra steps for a spike to cross the layers (one step per layer on barrier chips). */
  readonly pipelineS: number;
  readonly ioS: number;
  readonly totalS: number;
  /** Mean wall time of one step. */
  readonly stepS: number;
  /** The core that was busiest most often, and what bound it. */
  readonly busiestCore: number;
  readonly boundBy: 'synops' | 'neurons' | 'messages' | 'real-time' | 'events';
}

/** The same network as an ANN (ReLU twin) on conventional hardware. */
export interface AnnComparison {
  /** Multiply-accumulates of one forward pass. */
  readonly macsPerPass: number;
  /** Forward passes per inference: 1 when the input is held, else one per step. */
  readonly passes: number;
  readonly devices: readonly {
    readonly id: string;
    readonly name: string;
    readonly pJPerMac: number;
    readonly energyJ: number;
    /** ANN energy ÷ SNN energy (> 1: the chip wins). */
    readonly ratio: number;
    readonly status: string;
    readonly source: string;
  }[];
}

/** One stage of a network split across devices (the chip, the link, the ANN head's device). */
export interface PipelineStage {
  /** "SNN on Loihi", "transfer", "ANN on NVIDIA Jetson Nano". */
  readonly stage: string;
  /** Chip or ANN device id; the link's stage names the link ('host link'). */
  readonly device: string;
  readonly energyJ: number;
  readonly latencyS: number;
  /** What the stage moves or computes: "2 × 512 counts × 8 bit", "2 × 1.6e4 MACs". */
  readonly detail: string;
}

/**
 * An SNN → accumulator → ANN network end to end: the chip's run, the counts over the link, the
 * head's passes on its device. The stages run one after another (no overlap), so the latency and
 * the energy are their sums; power = energy ÷ latency.
 */
export interface PipelineCost {
  readonly stages: readonly PipelineStage[];
  readonly energyPerInferenceJ: number;
  readonly latencyS: number;
  readonly powerW: number;
  /** Head passes (and transfers) per inference: ceil(steps ÷ window), 1 without a window. */
  readonly passes: number;
  /** Bits one transfer carries: every accumulator's counts × bits per count. */
  readonly bitsPerTransfer: number;
}

/** Everything a mapping produced; plain data (structured-clone safe). */
export interface MappingResult {
  readonly chip: string;
  readonly chipName: string;
  readonly architecture: 'mesh' | 'layer-cores' | 'single-core';
  readonly fits: boolean;
  readonly violations: readonly Violation[];
  readonly meshW: number;
  readonly meshH: number;
  readonly coresPerChip: number;
  readonly coresUsed: number;
  readonly chipsUsed: number;
  readonly cores: readonly CoreUsage[];
  readonly traffic: readonly TrafficEdge[];
  /** Packets × hops of the starting (serpentine) placement and of the annealed one. */
  readonly trafficHopsInitial: number;
  readonly trafficHopsFinal: number;
  /** Busiest link under dimension-order routing, packets per inference. */
  readonly maxLinkLoadInitial: number;
  readonly maxLinkLoadFinal: number;
  /** Packets of the greedy partition and after refinement. */
  readonly packetsGreedy: number;
  readonly packetsRefined: number;
  /** Placement objective (link loads plus congestion) of the start and of the returned placement. */
  readonly placementCostInitial: number;
  readonly placementCostFinal: number;
  /** Annealer objective after each temperature step (first = start). */
  readonly annealCurve: readonly number[];
  readonly splitterNeurons: number;
  readonly steps: number;
  readonly counts: OpCounts;
  readonly energy: EnergyBreakdown;
  readonly latency: LatencyBreakdown;
  readonly energyPerInferenceJ: number;
  readonly latencyS: number;
  readonly efficiency: { readonly opDefinition: string; readonly gopsPerW: number; readonly pJPerOp: number };
  readonly ann: AnnComparison;
  readonly timingsMs: Readonly<Record<string, number>>;
  readonly notes: readonly string[];
  /**
   * The whole hybrid when the network has an ANN head after accumulators (the chip's own figures
   * above stay the spiking part's alone): SNN on the chip, transfer, ANN on the target's device.
   */
  readonly pipeline?: PipelineCost;
}
