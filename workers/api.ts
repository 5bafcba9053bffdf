import { transferHandlers } from 'comlink';
import type { LoadedRecord } from '../src/core/data/fileStore.ts';
import type { NamedBytes } from '../src/core/data/formats/loadFiles.ts';
import type { NetworkWeights } from '../src/core/network/weights.ts';
import type { RunReadout, RunSource } from '../src/core/pipeline.ts';
import type { EngineRequest } from '../src/core/engine/index.ts';
import type { EngineInfo, SimulationResult } from '../src/core/engine/types.ts';
import type { ChipProfile } from '../src/core/hardware/chipProfile.ts';
import type { MappingResult } from '../src/core/hardware/mappingTypes.ts';
import type { EncodedLink } from '../src/core/share/linkCodec.ts';
import type { Workspace } from '../src/core/spec/workspace.ts';
import { CancelledError, DataFormatError, EngineError, MappingError, SpecError, SpikelabError, type SpecIssue, type Violation } from '../src/core/errors.ts';

/** What a simulation job returns: the recording, what it was fed (signal or events), and the engine used. */
export interface RunReply {
  readonly result: SimulationResult;
  /** The read-out of every class over time for the sample shown, its predicted class (or why not), class names and true class. */
  readonly readout: RunReadout;
  readonly source: RunSource;
  readonly engine: EngineInfo;
}

/** The simulation worker's API (workers/simApi.ts implements it, the UI calls it through Comlink). */
export interface SimApi {
  /** Validates `workspace`, generates and encodes its data, simulates; progress as steps done / total. */
  run(jobId: string, workspace: unknown, onProgress?: (done: number, total: number) => void, weights?: NetworkWeights): Promise<RunReply>;
  /** Cancels a running job; its run() rejects with CancelledError. Unknown ids are ignored. */
  cancel(jobId: string): void;
  /** Starts (or reuses) an engine and says what it runs on, without simulating. */
  engineInfo(request: EngineRequest): Promise<EngineInfo>;
  /**
   * Parses files the user dropped (bytes transferred, not copied) and keeps them for runs that
   * name them; WFDB records are matched by record name. Bad files reject with DataFormatError.
   */
  addFiles(files: readonly NamedBytes[], onProgress?: (done: number, total: number) => void, options?: { csvSamplingHz?: number }): Promise<LoadedRecord[]>;
  /**
   * Maps the workspace on its chip (`workspace.chip`, default Loihi): simulates it with `weights`
   * (trained, or the seed's) on the event engine to record spikes, then partitions, places and
   * costs it. A network that does not fit resolves with `fits: false` and its violations.
   * Cancel with cancel(jobId).
   */
  map(jobId: string, workspace: unknown, onProgress?: (stage: string, fraction: number) => void, weights?: NetworkWeights): Promise<MappingResult>;
  /** The built-in chip profiles, with the source and status of every figure. */
  chips(): Promise<readonly ChipProfile[]>;
  /**
   * Encodes a share link (encodeForSharing) here rather than on the page's thread: quantising and
   * deflating a large network's weights takes longer than a frame.
   */
  encodeLink(workspace: unknown, weights?: NetworkWeights): Promise<LinkReply>;
  /**
   * The workspace's network as a NIR file (HDF5 bytes, transferred), with `weights` or else the
   * seed's untrained ones; time constants for the data's step (dropped files included).
   */
  exportNir(workspace: unknown, weights?: NetworkWeights): Promise<NirExportReply>;
  /** Reads a NIR file (from snnTorch, Norse, Sinabs, Rockpool, Lava or Spikelab) as a workspace. */
  importNir(bytes: Uint8Array, fileName: string): Promise<NirImportReply>;
}

/** A refusal: `reason` for the user; `detail` the raw engine text when the reason puts one in words (explainError). */
export type Refusal = { readonly ok: false; readonly reason: string; readonly detail?: string };

/** A share link, or why none can hold the workspace. */
export type LinkReply = { readonly ok: true; readonly link: EncodedLink } | Refusal;

/** A NIR file written, or why not. */
export type NirExportReply =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly nodes: readonly string[]; readonly dtMs: number; readonly trained: boolean; readonly notes: readonly string[] }
  | Refusal;

/** A NIR file read as a workspace (with the file's weights when they fit it), or why not. */
export type NirImportReply =
  | { readonly ok: true; readonly workspace: Workspace; readonly weights?: NetworkWeights; readonly notes: readonly string[] }
  | Refusal;

/** Plain-object form of a core error, which survives structured cloning. */
interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly issues?: readonly SpecIssue[];
  readonly file?: string;
  readonly field?: string;
  readonly byteOffset?: number;
  readonly chip?: string;
  readonly violations?: readonly Violation[];
}

/** Rebuilds a typed error from its serialized form, so `instanceof` and `code` work on both sides. */
export function reviveError(e: SerializedError): Error {
  switch (e.name) {
    case 'SpecError':
      return new SpecError(e.issues ?? [], e.message);
    case 'DataFormatError':
      return Object.assign(new DataFormatError(e.file ?? '', e.field ?? '', e.byteOffset ?? 0, ''), { message: e.message });
    case 'EngineError':
      return new EngineError(e.message);
    case 'MappingError':
      return Object.assign(new MappingError(e.chip ?? '', e.violations ?? []), { message: e.message });
    case 'CancelledError':
      return Object.assign(new CancelledError(), { message: e.message });
    default:
      return e.code ? new SpikelabError(e.code, e.message) : Object.assign(new Error(e.message), { name: e.name });
  }
}

function serializeError(value: unknown): SerializedError {
  if (!(value instanceof Error)) return { name: 'Error', message: String(value) };
  const v = value as Error & Partial<Omit<SerializedError, 'name' | 'message'>>;
  const out: { -readonly [K in keyof SerializedError]: SerializedError[K] } = { name: v.name, message: v.message };
  if (v.code !== undefined) out.code = v.code;
  if (v.issues !== undefined) out.issues = v.issues;
  if (v.file !== undefined) out.file = v.file;
  if (v.field !== undefined) out.field = v.field;
  if (v.byteOffset !== undefined) out.byteOffset = v.byteOffset;
  if (v.chip !== undefined) out.chip = v.chip;
  if (v.violations !== undefined) out.violations = v.violations;
  return out;
}

/**
 * Replaces Comlink's "throw" handler on this side so typed core errors keep their class, code,
 * JSON paths and byte offsets across the worker boundary (Comlink's default keeps only message and
 * stack). Call once in the worker and once in the page.
 */
export function registerErrorTransfer(): void {
  const original = transferHandlers.get('throw');
  if (!original) throw new Error('Comlink has no "throw" transfer handler to extend');
  // Comlink marks thrown values with a private symbol: its own canHandle is the only reliable test.
  transferHandlers.set('throw', {
    canHandle: (v: unknown): v is { value: unknown } => original.canHandle(v),
    serialize: (v: { value: unknown }) => [{ value: serializeError(v.value) }, []],
    deserialize: (s: { value: SerializedError }) => {
      throw reviveError(s.value);
    },
  } as Parameters<typeof transferHandlers.set>[1]);
}
