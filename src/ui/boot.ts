import { SpecError } from '../core/errors.ts';
import { parseWorkspace } from '../core/spec/parseWorkspace.ts';
import type { Workspace } from '../core/spec/workspace.ts';

/** Fetches and validates the embedded default workspace shipped in public/presets. */
export async function loadDefaultWorkspace(): Promise<Workspace> {
  const url = `${import.meta.env.BASE_URL}presets/default.workspace.json`;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load the default workspace (${url}: HTTP ${res.status})`);
  const doc: unknown = await res.json();
  try {
    return parseWorkspace(doc);
  } catch (e) {
    if (e instanceof SpecError) throw new Error(`the default workspace is invalid: ${e.message}`);
    throw e;
  }
}
