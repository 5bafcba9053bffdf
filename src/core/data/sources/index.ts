import type { FileResolver } from '../fileSources.ts';
import type { Workspace } from '../../spec/workspace.ts';
import { eventFileSource } from './eventFile.ts';
import { imageFileSource } from './imageFile.ts';
import { signalFileSource } from './signalFile.ts';
import { syntheticAudioSource } from './syntheticAudio.ts';
import { syntheticCueSource } from './syntheticCue.ts';
import { syntheticDvsSource } from './syntheticDvs.ts';
import { syntheticEcgSource } from './syntheticEcg.ts';
import { syntheticEegSource } from './syntheticEeg.ts';
import type { AnyDataSourceKind, DataSourceKind, InputSpecOf, PreparedInput, SourceKindName, WorkspaceOf } from './types.ts';

export type { PreparedInput, RunSource } from './types.ts';

/**
 * The only registry of data-source kinds. Adding a kind = one file here, its schema in the
 * dataSourceSchema union (spec/workspace.ts), one line below; the registry test checks both agree.
 */
export const DATA_SOURCES: { readonly [K in SourceKindName]: DataSourceKind<K> } = {
  'synthetic-ecg': syntheticEcgSource,
  'synthetic-dvs': syntheticDvsSource,
  'synthetic-eeg': syntheticEegSource,
  'synthetic-audio': syntheticAudioSource,
  'synthetic-cue': syntheticCueSource,
  'signal-file': signalFileSource,
  'event-file': eventFileSource,
  'image-file': imageFileSource,
};

/** The entry of a source kind. */
function entryOf<K extends SourceKindName>(kind: K): DataSourceKind<K> {
  return DATA_SOURCES[kind];
}

/** Input neurons per step that a workspace's source and encoder feed the network. */
export function sourceInputWidth(ws: Pick<Workspace, 'data' | 'encoder' | 'training'>): number {
  return entryOf(ws.data.kind).inputWidth(ws as InputSpecOf<typeof ws.data.kind>);
}

/** A workspace's step length as far as the workspace fixes it (undefined: the rate of a user file). */
export function sourceStepMs(ws: Workspace): number | undefined {
  return entryOf(ws.data.kind).stepMs(ws as WorkspaceOf<typeof ws.data.kind>);
}

/**
 * The step of a workspace whose source fixes it (every kind but a signal file at its own rate),
 * for code that feeds recordings as the workspace's source would (event files, N-MNIST folders).
 */
export function fixedSourceStepMs(ws: Workspace): number {
  const step = sourceStepMs(ws);
  if (step === undefined) throw new Error(`a '${ws.data.kind}' source takes its step from its file; read it with prepareSource`);
  return step;
}

/** Loads (or generates) a workspace's data and encodes it, as its source kind does. */
export function prepareSource(ws: Workspace, files?: FileResolver): PreparedInput {
  return entryOf(ws.data.kind).prepare(ws as WorkspaceOf<typeof ws.data.kind>, files);
}

/** The classes a built-in source kind generates, or undefined when it has none. */
export function sourceClasses(kind: SourceKindName): AnyDataSourceKind['classes'] {
  return DATA_SOURCES[kind].classes;
}

/**
 * The class a built-in source generated the workspace's input as (the value of its class
 * parameter: the cue, digit, scene or EEG class), or undefined for a source without classes.
 */
export function sourceClassOf(ws: Workspace): string | undefined {
  const c = DATA_SOURCES[ws.data.kind].classes;
  const value: unknown = c ? (ws.data as Readonly<Record<string, unknown>>)[c.param] : undefined;
  return value === undefined ? undefined : String(value);
}

/** The source kinds that generate classes, in registry order. */
export function kindsWithClasses(): SourceKindName[] {
  return Object.values(DATA_SOURCES).flatMap((k) => (k.classes ? [k.kind] : []));
}
