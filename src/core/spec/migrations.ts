import { SpecError } from '../errors.ts';
import { WORKSPACE_SCHEMA_VERSION } from './workspace.ts';

/**
 * Brings an older workspace document up to WORKSPACE_SCHEMA_VERSION, one pure vN → vN+1 step at a
 * time (none exist yet: version 1 is the first). A document without a version, or newer than this
 * code, is refused with a SpecError rather than guessed at.
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
  return value;
}
