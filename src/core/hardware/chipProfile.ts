import { z } from 'zod';

/**
 * How far a figure can be trusted (CHIPS.md): V checked against the primary text or the named
 * repository's code, S transcribed consistently by two or more third parties, U single source or
 * marketing, derived computed from other figures, user edited in the workbench.
 */
export const figureStatusSchema = z.enum(['V', 'S', 'U', 'derived', 'user']);
export type FigureStatus = z.output<typeof figureStatusSchema>;

/** Where a number of a profile comes from; keyed by the field's dotted path (`energy.synOpPJ`). */
export const provenanceSchema = z.object({ status: figureStatusSchema, source: z.string().max(500) });
export type Provenance = z.output<typeof provenanceSchema>;

/** A per-core limit; null = the chip has no such limit (JSON has no Infinity). */
const limit = z.number().positive().nullable();
const nonNeg = z.number().min(0);

/** Energy figures; pJ per event, W for power. */
export const chipEnergySchema = z.object({
  /** One synaptic operation (a spike arriving at one synapse and being accumulated). */
  synOpPJ: nonNeg,
  /** Neuron update in a step where the neuron received input or fired. */
  neuronActivePJ: nonNeg,
  /** Neuron update in a step without input (time-stepped chips update every mapped neuron). */
  neuronIdlePJ: nonNeg,
  /** A spike delivered inside its own core or tile. */
  spikeLocalPJ: nonNeg,
  /** A spike packet crossing one router hop east–west / north–south. */
  hopEwPJ: nonNeg,
  hopNsPJ: nonNeg,
  /** A packet crossing from one chip to the next (multi-chip systems). */
  chipHopPJ: nonNeg,
  /** Static (leakage) power of one chip, W. */
  staticPowerW: nonNeg,
  /** True when synOpPJ already contains static power (TrueNorth's 26 pJ/event): no static term added. */
  staticIncluded: z.boolean().default(false),
  /**
   * One weight read from synapse memory, counted apart from synOpPJ: a time-stepped core reads an
   * active source's weight row once per step however many spikes (an SSF count) it carries. 0 on
   * chips whose per-op figure already holds the read.
   */
  weightReadPJ: nonNeg.default(0),
  /** Chips without per-op figures (Xylo): dynamic power while running, W; 0 = use per-op figures. */
  dynamicPowerW: nonNeg.default(0),
});

/** Time figures; ns per event unless named otherwise. */
export const chipTimingSchema = z.object({
  synOpNS: nonNeg,
  neuronNS: nonNeg,
  neuronIdleNS: nonNeg,
  /** Time to send one spike packet out of a core. */
  spikeOutNS: nonNeg,
  hopEwNS: nonNeg,
  hopNsNS: nonNeg,
  /** Mesh-wide barrier synchronisation at the end of each step. */
  barrierNS: nonNeg,
  /** Real-time step (e.g. 1 ms); null = steps run as fast as the busiest core allows. */
  stepTimeS: nonNeg.nullable(),
  /** Host input/output per time step when the input is streamed from the host, s. */
  hostIoPerStepS: nonNeg,
  /** Latency of one event through the whole pipeline (asynchronous chips, e.g. Speck 3.36 µs). */
  eventLatencyS: nonNeg.default(0),
});

/** DYNAP-CNN / Speck: one layer per core, memory per core in entries (sinabs chips/dynapcnn.py). */
export const layerCoresSchema = z.object({
  kernelMemory: z.array(z.number().int().positive()).min(1).max(64),
  neuronMemory: z.array(z.number().int().positive()).min(1).max(64),
  biasMemory: z.number().int().positive(),
  /** Destination cores a layer may send to. */
  maxDestinations: z.number().int().positive(),
  maxChannels: z.number().int().positive(),
  maxKernel: z.number().int().positive(),
  strides: z.array(z.number().int().positive()).min(1),
  maxPadding: z.number().int().min(0),
  maxInputSide: z.number().int().positive(),
  maxOutputSide: z.number().int().positive(),
  poolSizes: z.array(z.number().int().positive()).min(1),
});

/** Xylo-style single SNN core with design rules (rockpool xylo_mapper.py). */
export const singleCoreSchema = z.object({
  maxHidden: z.number().int().positive(),
  maxOutputs: z.number().int().positive(),
  maxInputs: z.number().int().positive(),
  /** Targets one hidden neuron may drive. */
  maxFanout: z.number().int().positive(),
  /** Neuron models the core implements (`kind` of neuronSpec). */
  neuronModels: z.array(z.string()).min(1),
  /**
   * Clock cycles per dt (rockpool syns61201 power_cycles_model.py), worst case = every channel and
   * neuron fires: Nin·(perInput + Nhid·perInputSpikePerHidden) + Nhid·(perHiddenIsyn +
   * fanoutAvg·perHiddenSynapse) + Nhid·(perHiddenToOutput + Nout·perHiddenPerOutput) +
   * Nhid·(perHidden + perHiddenFiring) + Nout·perOutput. The terms after the first four default to
   * 0 so that older custom profiles still parse.
   */
  cycles: z.object({
    perInputSpikePerHidden: nonNeg,
    perHiddenSynapse: nonNeg,
    perHidden: nonNeg,
    perOutput: nonNeg,
    /** Fixed loop cost per input channel. */
    perInput: nonNeg.default(0),
    /** Fixed synaptic-current cost per hidden neuron. */
    perHiddenIsyn: nonNeg.default(0),
    /** Extra cost of a hidden neuron that fires (no alias connections). */
    perHiddenFiring: nonNeg.default(0),
    /** Cost per firing hidden neuron of reaching the output weights, plus per output it feeds. */
    perHiddenToOutput: nonNeg.default(0),
    perHiddenPerOutput: nonNeg.default(0),
  }),
  /** Highest clock, Hz. */
  maxClockHz: z.number().positive(),
});

/** A neuromorphic chip: cores, limits, energy and time, each number with its source. */
export const chipProfileSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a chip id has lower-case letters, digits and -'),
  name: z.string().min(1).max(80),
  vendor: z.string().max(80),
  /** 'mesh': partition + placement on a 2-D mesh; 'layer-cores': one layer per core (Speck); 'single-core': one core with design rules (Xylo). */
  architecture: z.enum(['mesh', 'layer-cores', 'single-core']),
  /** Router grid of one chip (tiles); a chip has meshW · meshH · coresPerTile cores. */
  meshW: z.number().int().positive().max(1024),
  meshH: z.number().int().positive().max(1024),
  /** Cores sharing one router (Loihi: 4 per tile, SpiNNaker: 16 per chip); hops are counted between tiles. */
  coresPerTile: z.number().int().positive().max(64).default(1),
  neuronsPerCore: z.number().int().positive(),
  /** Distinct presynaptic sources (input axons) one core may receive from. */
  inAxonsPerCore: limit,
  /** Distinct (neuron, destination core) pairs one core may send to. */
  outAxonsPerCore: limit,
  /** Synapse memory per core, bits (synapses × weight bits). */
  synapseBitsPerCore: limit,
  /** Largest fan-in of one neuron (TrueNorth: 256 axons of its crossbar); null = only the core limits. */
  fanInPerNeuron: limit,
  /** Distinct destination cores one neuron may reach; more needs splitter neurons (TrueNorth: 1). */
  fanoutCoresPerNeuron: limit,
  /** Weight precisions the synapses support, bits. */
  weightBits: z.array(z.number().int().min(1).max(32)).min(1),
  /** Chips that can be joined into one system (multi-chip spill-over). */
  maxChips: z.number().int().positive().max(65536),
  timeBase: z.enum(['barrier', 'async', 'tick']),
  energy: chipEnergySchema,
  timing: chipTimingSchema,
  layerCores: layerCoresSchema.optional(),
  singleCore: singleCoreSchema.optional(),
  provenance: z.record(z.string(), provenanceSchema).default({}),
  notes: z.array(z.string().max(500)).max(20).default([]),
});

export type ChipProfile = z.output<typeof chipProfileSchema>;
export type ChipProfileInput = z.input<typeof chipProfileSchema>;

/** Total cores of one chip. */
export function coresPerChip(chip: ChipProfile): number {
  return chip.meshW * chip.meshH * chip.coresPerTile;
}

/** Chip, tile position and core of a global core index (cores fill a tile, tiles fill rows). */
export function coreLocation(chip: ChipProfile, index: number): { chip: number; x: number; y: number; tile: number } {
  const perChip = coresPerChip(chip);
  const c = Math.floor(index / perChip);
  const tile = Math.floor((index % perChip) / chip.coresPerTile);
  return { chip: c, x: tile % chip.meshW, y: Math.floor(tile / chip.meshW), tile };
}

/** A limit as a number (null → Infinity). */
export function limitOf(v: number | null): number {
  return v ?? Infinity;
}
