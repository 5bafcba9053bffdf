import { SUM_PRECISION_NAMES } from './precision.ts';
import { z } from 'zod';
import {
  eventFileSourceSchema,
  imageFileSourceSchema,
  signalFileSourceSchema,
  syntheticAudioSourceSchema,
  syntheticCueSourceSchema,
  syntheticDvsSourceSchema,
  syntheticEegSourceSchema,
} from '../data/sourceSchemas.ts';
import { syntheticEcgSchema } from '../data/synth/ecgSchema.ts';
import { encoderSchema } from '../encoders/schema.ts';
import { chipTargetSchema } from '../hardware/chipTarget.ts';
import { trainingSchema } from './trainingConfig.ts';
import { networkSchema } from './network.ts';
import { MAX_RUNS, runRecordSchema } from './runRecord.ts';

/**
 * The workspace format version this code writes. Older ones are migrated; newer ones refused.
 * 3: `simulation.precision` (float32 sums). A build that reads up to 2 would drop the field and
 * run a float32 workspace in float64 without a word, so it must refuse these documents instead.
 */
export const WORKSPACE_SCHEMA_VERSION = 3;

/** Where the input comes from: a seeded generator, or a file the user dropped. */
export const dataSourceSchema = z.discriminatedUnion('kind', [
  syntheticEcgSchema,
  syntheticEegSourceSchema,
  syntheticDvsSourceSchema,
  syntheticAudioSourceSchema,
  syntheticCueSourceSchema,
  signalFileSourceSchema,
  eventFileSourceSchema,
  imageFileSourceSchema,
]);

/** A neuron whose membrane potential is recorded. */
export const membraneProbeSchema = z.object({
  layer: z.string(),
  neuron: z.number().int().min(0),
});

/** How the network is run. */
export const simulationSchema = z.object({
  /** 'wasm': the WebAssembly SIMD kernel (dense networks; others run on the event engine, said so). */
  engine: z.enum(['events', 'wasm', 'tfjs']).default('events'),
  /** tfjs backend; 'auto' tries webgl, then wasm, then cpu. */
  tfjsBackend: z.enum(['auto', 'webgl', 'wasm', 'cpu']).default('auto'),
  /** How dense currents are summed (precision.ts); absent = float64, bit-identical across engines. */
  precision: z.enum(SUM_PRECISION_NAMES).optional(),
  record: z
    .object({ membrane: z.array(membraneProbeSchema).max(64).default([]) })
    .default({ membrane: [] }),
});

/** View settings that a link carries (what the author was looking at). */
export const viewSchema = z.object({
  selectedLayer: z.string().optional(),
  /** Visible time range of the raster, in steps. */
  timeRange: z.tuple([z.number(), z.number()]).optional(),
});

/** The whole workspace: the single source of truth that is saved, shared and replayed. */
export const workspaceSchema = z.object({
  schemaVersion: z.literal(WORKSPACE_SCHEMA_VERSION),
  name: z.string().max(200).default('Untitled'),
  seed: z.number().int().min(0).max(0xffffffff).default(1),
  network: networkSchema,
  data: dataSourceSchema,
  encoder: encoderSchema,
  simulation: simulationSchema.default({ engine: 'events', tfjsBackend: 'auto', record: { membrane: [] } }),
  /** How the network is trained (spec/trainingConfig.ts); absent = not trainable from this workspace. */
  training: trainingSchema.optional(),
  /** Target chip for mapping (hardware/chipTarget.ts); absent = Loihi with defaults. */
  chip: chipTargetSchema.optional(),
  view: viewSchema.default({}),
  /**
   * The training runs made from this workspace, oldest first, at most MAX_RUNS (spec/runRecord.ts).
   * Optional, so files written before runs existed open unchanged (no version step needed).
   */
  runs: z.array(runRecordSchema).max(MAX_RUNS).optional(),
});

export type Workspace = z.output<typeof workspaceSchema>;
export type WorkspaceInput = z.input<typeof workspaceSchema>;
export type DataSourceSpec = z.output<typeof dataSourceSchema>;
export type SimulationSpec = z.output<typeof simulationSchema>;
