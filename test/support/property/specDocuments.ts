import fc from 'fast-check';
import { inferShapes, shapeSize } from '../../../src/core/network/shapes.ts';
import { initWeights, weightShapes, type NetworkWeights } from '../../../src/core/network/weights.ts';
import { serializeWorkspaceFile } from '../../../src/core/share/workspaceFile.ts';
import type { Workspace } from '../../../src/core/spec/workspace.ts';
import { serializeModel } from '../../../src/core/train/modelFile.ts';
import { presetWorkspaces } from '../presets.ts';
import { applyMutations, mutationsArb, type Mutation } from './byteMutations.ts';
import { applyJsonEdits, hostileEditArb, type Json, type JsonEdit } from './jsonMutations.ts';

/**
 * Seed documents of the workspace-file and model-file parsers, built from the presets (small
 * networks carry seeded weights), and damage to them at the JSON level (edits of the parsed
 * document) or the text level (bytes of the UTF-8 text).
 */

const weightCount = (ws: Workspace) => Object.values(weightShapes(ws.network)).reduce((a, s) => a + s.reduce((x, y) => x * y, 1), 0);
/** Networks up to this many weights carry weights in the seed files (the text stays below 100 KB). */
const SEED_WEIGHTS = 20_000;

const PRESETS = presetWorkspaces();
const weightsOf = (ws: Workspace): NetworkWeights | undefined => (weightCount(ws) <= SEED_WEIGHTS ? initWeights(ws.network, 5) : undefined);

/** Workspace files of every preset (with weights when small). */
export const WORKSPACE_FILES: readonly string[] = PRESETS.map(([, workspace]) => {
  const weights = weightsOf(workspace);
  return serializeWorkspaceFile(weights ? { workspace, weights } : { workspace });
});

/** Model files of the presets small enough to carry weights, one class name per output. */
export const MODEL_FILES: readonly string[] = PRESETS.flatMap(([, workspace]) => {
  const weights = weightsOf(workspace);
  if (!weights) return [];
  const shapes = inferShapes(workspace.network).shapes;
  const outputs = shapeSize(shapes[shapes.length - 1] ?? [0]);
  return [serializeModel({ workspace, weights, classes: Array.from({ length: outputs }, (_, i) => `class ${i}`), metrics: { accuracy: 0.5 } })];
});

/** Damage to one seed document. */
export type DocDamage = { readonly doc: number; readonly json: JsonEdit[] } | { readonly doc: number; readonly text: Mutation[] };

export const docDamageArb = (docs: number): fc.Arbitrary<DocDamage> =>
  fc.oneof(
    fc.record({ doc: fc.nat({ max: docs - 1 }), json: fc.array(hostileEditArb, { minLength: 1, maxLength: 4 }) }),
    fc.record({ doc: fc.nat({ max: docs - 1 }), text: mutationsArb() }),
  );

/** The damaged text. */
export function damagedDoc(docs: readonly string[], d: DocDamage): string {
  const text = docs[d.doc] ?? '';
  if ('json' in d) return JSON.stringify(applyJsonEdits(JSON.parse(text) as Json, d.json));
  return new TextDecoder().decode(applyMutations(new TextEncoder().encode(text), d.text));
}
