import type { NamedBytes } from '../core/data/formats/loadFiles.ts';

/**
 * Files the user dropped, kept as File handles (the browser holds their bytes on disk or in its
 * blob store, not in our heap) so that training can read them again: the simulation worker owns
 * the parsed copies, and bytes sent to one worker are transferred away.
 */
const dropped = new Map<string, File>();

/** WFDB parts and WAV recordings: what training can use. */
const TRAINABLE = /\.(hea|dat|atr|wav)$/i;

/** Remembers successfully loaded files by name (a later file of the same name replaces it). */
export function rememberDropped(files: readonly File[]): void {
  for (const f of files) if (TRAINABLE.test(f.name)) dropped.set(f.name, f);
}

/** How many dropped files training could read. */
export function droppedTrainingCount(): number {
  return dropped.size;
}

/** The dropped training files' bytes, read afresh (each call gives new buffers to transfer). */
export async function droppedTrainingBytes(): Promise<NamedBytes[]> {
  return Promise.all([...dropped.values()].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}
