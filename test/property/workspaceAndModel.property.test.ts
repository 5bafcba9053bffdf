import { test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import { parseWorkspaceFile } from '../../src/core/share/workspaceFile.ts';
import { parseWorkspace } from '../../src/core/spec/parseWorkspace.ts';
import { parseModel } from '../../src/core/train/modelFile.ts';
import { hostileEditArb, applyJsonEdits } from '../support/property/jsonMutations.ts';
import { judgeSpec } from '../support/property/judgeSpec.ts';
import { damagedDoc, docDamageArb, MODEL_FILES, WORKSPACE_FILES } from '../support/property/specDocuments.ts';
import { PRESET_DOCS } from '../support/property/workspaceArb.ts';
import fc from 'fast-check';
import { PROPERTY_SEED, runs } from '../support/property/propertyRuns.ts';


const tally = new Map<string, { valid: number; refused: number }>();
const count = (name: string, v: 'valid' | 'refused') => {
  const t = tally.get(name) ?? { valid: 0, refused: 0 };
  t[v]++;
  tally.set(name, t);
};
afterAll(() => {
  for (const [name, t] of tally) console.log(`${name}: ${t.valid} valid, ${t.refused} refused`);
});

describe('workspace, workspace-file and model parsers (property)', () => {
  test.prop([fc.nat({ max: PRESET_DOCS.length - 1 }), fc.array(hostileEditArb, { minLength: 1, maxLength: 4 })], { seed: PROPERTY_SEED, numRuns: runs(300) })(
    'parseWorkspace of an edited preset gives a workspace that parses again to itself, or a SpecError with JSON paths, within budget',
    (preset, edits) => {
      const doc = applyJsonEdits(PRESET_DOCS[preset]?.[1] ?? null, edits);
      count('parseWorkspace', judgeSpec('workspace', () => ({ workspace: parseWorkspace(doc) })));
    },
  );

  test.prop([docDamageArb(WORKSPACE_FILES.length)], { seed: PROPERTY_SEED, numRuns: runs(200) })(
    'a damaged workspace file reads as a workspace with fitting finite weights, or a SpecError, within budget',
    (d) => {
      const text = damagedDoc(WORKSPACE_FILES, d);
      count('parseWorkspaceFile', judgeSpec('workspace file', () => parseWorkspaceFile(text)));
    },
  );

  test.prop([docDamageArb(MODEL_FILES.length)], { seed: PROPERTY_SEED, numRuns: runs(200) })(
    'a damaged model file reads as a model with fitting finite weights and a class name per output, or a SpecError, within budget',
    (d) => {
      const text = damagedDoc(MODEL_FILES, d);
      count('parseModel', judgeSpec('model file', () => parseModel(text)));
    },
  );

  test('the seed files read back as they were written', () => {
    for (const text of WORKSPACE_FILES) expect(judgeSpec('workspace file', () => parseWorkspaceFile(text))).toBe('valid');
    for (const text of MODEL_FILES) expect(judgeSpec('model file', () => parseModel(text))).toBe('valid');
    expect(MODEL_FILES.length).toBeGreaterThan(2);
  });

  test.prop([fc.nat({ max: WORKSPACE_FILES.length - 1 })], { seed: PROPERTY_SEED, numRuns: runs(7) })('a workspace file that starts with a UTF-8 byte-order mark reads as the same workspace', (i) => {
    const text = WORKSPACE_FILES[i] ?? '';
    expect(parseWorkspaceFile(`\uFEFF${text}`)).toEqual(parseWorkspaceFile(text));
  });
});
