import { SpecError } from '../errors.ts';
import { WORKSPACE_SCHEMA_VERSION } from './workspace.ts';

type Doc = Record<string, unknown>;

/**
 * One pure step per version: MIGRATIONS[v] turns a version-v document into version v+1.
 * 1 → 2: networks became graphs (nodes may name their `inputs`; a node without them reads the one
 * before), so every version-1 chain is already a version-2 graph and only the number changes.
 * 2 → 3: `simulation.precision` came in; absent means float64, what every version-2 document ran
 * in, and a version-2 document that already names it (written between the field and the bump)
 * keeps it. Only the number changes.
 */
const MIGRATIONS: Readonly<Record<number, (doc: Doc) => Doc>> = {
  1: (doc) => ({ ...doc, schemaVersion: 2 }),
  2: (doc) => ({ ...doc, schemaVersion: 3 }),
};

/**
 * Brings an older workspace document up to WORKSPACE_SCHEMA_VERSION, one pure vN → vN+1 step at a
 * time. A document without a version, or newer than this code, is refused with a SpecError rather
 * than guessed at.
 */
export function migrateWorkspace(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SpecError([{ path: '(root)', message: 'a workspace must be a JSON object' }]);
  }
  const version: unknown = (value as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new SpecError([{ path: 'schemaVersion', message: 'missing or invalid schemaVersion (expected a whole number ≥ 1)' }]);
  }
  if (version > WORKSPACE_SCHEMA_VERSION) {
    throw new SpecError([
      { path: 'schemaVersion', message: `this workspace has version ${version}, made by a newer Spikelab; this one reads up to ${WORKSPACE_SCHEMA_VERSION}` },
    ]);
  }
  let doc = value as Doc;
  for (let v = version; v < WORKSPACE_SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new SpecError([{ path: 'schemaVersion', message: `no migration from version ${v}` }]);
    doc = step(doc);
  }
  return doc;
}
