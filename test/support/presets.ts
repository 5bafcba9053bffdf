import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWorkspace } from '../../src/core/spec/parseWorkspace.ts';
import type { Workspace } from '../../src/core/spec/workspace.ts';

/** public/presets of this checkout. */
export const PRESETS_DIR = join(import.meta.dirname, '..', '..', 'public', 'presets');

/** Every shipped preset as [file name, parsed workspace], in file-name order. */
export function presetWorkspaces(): [string, Workspace][] {
  return readdirSync(PRESETS_DIR)
    .filter((f) => f.endsWith('.workspace.json'))
    .sort()
    .map((f) => [f, parseWorkspace(JSON.parse(readFileSync(join(PRESETS_DIR, f), 'utf8')))]);
}
