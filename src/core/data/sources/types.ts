import type { z } from 'zod';
import type { SimInput } from '../../engine/types.ts';
import type { DataSourceSpec, Workspace } from '../../spec/workspace.ts';
import type { FileResolver } from '../fileSources.ts';
import type { EventRecord } from '../formats/eventsRecord.ts';
import type { Signal } from '../signal.ts';

/** What the network was fed: a sampled signal (then encoded) or camera events (fed directly). */
export type RunSource =
  | { readonly kind: 'signal'; readonly signal: Signal; readonly waveform?: Signal }
  | { readonly kind: 'events'; readonly events: EventRecord }
  | { readonly kind: 'image'; readonly width: number; readonly height: number; readonly pixels: Float32Array }
  /**
   * Spikes as the network is fed them ([steps × neurons]), with what they are: one sample of a data
   * set, or (`own`) the workspace's own input when its source generates spikes (the delayed cue).
   */
  | { readonly kind: 'sample'; readonly caption: string; readonly steps: number; readonly neurons: number; readonly values: Float32Array; readonly own?: boolean }
  /** ECG beats cut from `signal`, each as the vector row the network was fed for `stepsPerBeat` steps. */
  | {
      readonly kind: 'beats';
      readonly signal: Signal;
      readonly vectors: Float32Array;
      readonly width: number;
      readonly beats: readonly { readonly sample: number; readonly symbol: string }[];
      readonly stepsPerBeat: number;
    };

/** The workspace's input as the network is fed it: loaded (or generated) and encoded. */
export interface PreparedInput {
  readonly source: RunSource;
  /** Step length: one signal sample, or `stepUs` of events, per step. */
  readonly dtMs: number;
  readonly input: SimInput;
}

export type SourceKindName = DataSourceSpec['kind'];

/** The source spec of one kind. */
export type SourceOf<K extends SourceKindName> = Extract<DataSourceSpec, { kind: K }>;

/** A workspace whose data source is of kind K. */
export type WorkspaceOf<K extends SourceKindName> = Omit<Workspace, 'data'> & { readonly data: SourceOf<K> };

/** The parts of a workspace that fix the input width (no seed, no network). */
export type InputSpecOf<K extends SourceKindName> = Pick<Workspace, 'encoder' | 'training'> & { readonly data: SourceOf<K> };

/**
 * Everything that depends on the kind of a data source, in one place per kind (one file each under
 * data/sources, looked up in index.ts). The pipeline, the training sets and the checks of a
 * workspace ask the entry rather than branch on the kind.
 */
export interface DataSourceKind<K extends SourceKindName> {
  readonly kind: K;
  /** The zod schema of the source spec (one member of spec/workspace.ts dataSourceSchema). */
  readonly schema: z.ZodType<SourceOf<K>>;
  /** Input neurons per step that the source and encoder feed the network. */
  readonly inputWidth: (ws: InputSpecOf<K>) => number;
  /** Step length, ms, as far as the workspace alone fixes it; undefined when it is the rate of a user file. */
  readonly stepMs: (ws: WorkspaceOf<K>) => number | undefined;
  /** Loads (or generates) the data and encodes it; same workspace and files => same bits. */
  readonly prepare: (ws: WorkspaceOf<K>, files?: FileResolver) => PreparedInput;
  /** The classes a built-in source generates: the spec parameter a class sets, and its values. */
  readonly classes?: { readonly param: keyof SourceOf<K> & string; readonly values: readonly (string | number)[] };
}

/** An entry of any kind, as the registry holds it. */
export type AnyDataSourceKind = { readonly [K in SourceKindName]: DataSourceKind<K> }[SourceKindName];
