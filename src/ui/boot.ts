import { SpecError } from '../core/errors.ts';
import { parseWorkspace } from '../core/spec/parseWorkspace.ts';
import type { Workspace } from '../core/spec/workspace.ts';
import { BUILT_IN_PRESETS } from '../core/spec/builtInPresets.ts';

/** Presets shipped in public/presets, for the preset menu (the list's owner is core). */
export const PRESETS = BUILT_IN_PRESETS;

/** Fetches and validates the embedded default workspace shipped in public/presets. */
export function loadDefaultWorkspace(): Promise<Workspace> {
  return loadPresetWorkspace('default');
}

/** Fetches and validates a preset workspace by id. */
export async function loadPresetWorkspace(id: string): Promise<Workspace> {
  const url = `${import.meta.env.BASE_URL}presets/${id}.workspace.json`;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load the default workspace (${url}: HTTP ${res.status})`);
  const doc: unknown = await res.json();
  try {
    return parseWorkspace(doc);
  } catch (e) {
    if (e instanceof SpecError) throw new Error(`the preset '${id}' is invalid: ${e.message}`);
    throw e;
  }
}
