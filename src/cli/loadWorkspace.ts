import { parseJsonText } from '../core/format/jsonText.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SpecError } from '../core/errors.ts';
import { parseWorkspace } from '../core/spec/parseWorkspace.ts';
import { parseModel, type ModelFile } from '../core/train/modelFile.ts';
import type { Workspace } from '../core/spec/workspace.ts';
import { UsageError } from './io.ts';

/** public/presets, resolved from this file so the CLI works from any directory. */
export const PRESET_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'presets');

/** Reads and validates a workspace file; every failure names the file and what is wrong. */
export function loadWorkspaceFile(path: string): Workspace {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new UsageError(`cannot read workspace '${path}': ${code === 'ENOENT' ? 'no such file' : String(e)}`);
  }
  let doc: unknown;
  try {
    doc = parseJsonText(text);
  } catch (e) {
    throw new UsageError(`workspace '${path}' is not valid JSON: ${(e as Error).message}`);
  }
  try {
    return parseWorkspace(doc);
  } catch (e) {
    if (e instanceof SpecError) {
      throw new UsageError(`workspace '${path}' is invalid:\n${e.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
    }
    throw e;
  }
}

const PRESET_SUFFIX = '.workspace.json';

/** The names of the presets (the files of public/presets), sorted. */
export function presetNames(): string[] {
  return readdirSync(PRESET_DIR)
    .filter((f) => f.endsWith(PRESET_SUFFIX))
    .map((f) => f.slice(0, -PRESET_SUFFIX.length))
    .sort();
}

/** Loads a preset by name (`default` = public/presets/default.workspace.json); an unknown name is refused with the list. */
export function loadPreset(name: string): Workspace {
  const path = join(PRESET_DIR, `${name}${PRESET_SUFFIX}`);
  // The name check keeps '../x' from reaching outside the preset folder.
  if (!/^[A-Za-z0-9_-]+$/.test(name) || !existsSync(path)) throw new UsageError(`no preset '${name}'; the presets are ${presetNames().join(', ')}`);
  return loadWorkspaceFile(path);
}

/** Reads and validates a model file (`spikelab train --out`, or saved from the page). */
export function loadModelFile(path: string): ModelFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read model '${path}'`);
  }
  try {
    return parseModel(text);
  } catch (e) {
    if (e instanceof SpecError) throw new UsageError(`model '${path}' is invalid: ${e.message}`);
    throw e;
  }
}

/** What a command runs: exactly one of --workspace FILE, --preset NAME or --model MODEL.json (which brings its weights). */
export function loadRunTarget(values: { workspace?: string | undefined; preset?: string | undefined; model?: string | undefined }): { workspace: Workspace; model?: ModelFile } {
  if ([values.workspace, values.preset, values.model].filter((v) => v !== undefined).length !== 1) throw new UsageError('give exactly one of --workspace FILE, --preset NAME or --model MODEL.json');
  if (values.model !== undefined) {
    const model = loadModelFile(values.model);
    return { workspace: model.workspace, model };
  }
  return { workspace: values.workspace !== undefined ? loadWorkspaceFile(values.workspace) : loadPreset(values.preset ?? 'default') };
}
