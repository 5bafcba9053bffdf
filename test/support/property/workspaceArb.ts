import fc from 'fast-check';
import { parseWorkspace } from '../../../src/core/spec/parseWorkspace.ts';
import type { Workspace } from '../../../src/core/spec/workspace.ts';
import { checkWorkspaceBudgets } from '../../../src/core/spec/workspaceBudgets.ts';
import { presetWorkspaces } from '../presets.ts';
import { applyJsonEdits, mildEditArb, type Json, type JsonEdit } from './jsonMutations.ts';

/** Every shipped preset, parsed (defaults filled), as JSON. */
export const PRESET_DOCS: readonly (readonly [string, Json])[] = presetWorkspaces().map(([f, ws]) => [f, JSON.parse(JSON.stringify(ws)) as Json] as const);

/** A preset with edits, a name and a seed: the recipe of a candidate workspace. */
export interface WorkspaceRecipe {
  readonly preset: number;
  readonly edits: JsonEdit[];
  readonly name: string;
  readonly seed: number;
}

/** Recipes of workspaces near the presets: numbers scaled, any Unicode name, any seed. */
export const workspaceRecipeArb: fc.Arbitrary<WorkspaceRecipe> = fc.record({
  preset: fc.nat({ max: PRESET_DOCS.length - 1 }),
  edits: fc.array(mildEditArb, { maxLength: 4 }),
  name: fc.string({ unit: 'binary', maxLength: 60 }),
  seed: fc.nat({ max: 0xffffffff }),
});

/** The document a recipe gives (not validated). */
export function recipeDoc(r: WorkspaceRecipe): Json {
  const doc = applyJsonEdits(PRESET_DOCS[r.preset]?.[1] ?? null, r.edits);
  return doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? { ...doc, name: r.name, seed: r.seed } : doc;
}

/** The workspace a recipe gives when it is valid and within every budget, else undefined. */
export function validWorkspaceOf(r: WorkspaceRecipe): Workspace | undefined {
  try {
    const ws = parseWorkspace(recipeDoc(r));
    checkWorkspaceBudgets(ws);
    return ws;
  } catch {
    return undefined;
  }
}
