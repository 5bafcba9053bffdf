import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { afterAll, describe, expect } from 'vitest';
import { LinkError } from '../../src/core/errors.ts';
import { initWeights, weightShapes } from '../../src/core/network/weights.ts';
import { base64urlToBytes, bytesToBase64url } from '../../src/core/share/base64url.ts';
import { decodeWorkspaceLink, encodeWorkspaceLink } from '../../src/core/share/linkCodec.ts';
import { formatFragment, readFragment } from '../../src/core/share/linkFragment.ts';
import { budgetedCall, budgetProblems } from '../support/property/budgetedCall.ts';
import { judgeLink } from '../support/property/judgeLink.ts';
import { damagedLink, linkDamageArb } from '../support/property/linkDamage.ts';
import { validWorkspaceOf, workspaceRecipeArb } from '../support/property/workspaceArb.ts';
import { presetWorkspaces } from '../support/presets.ts';
import { PROPERTY_SEED, runs } from '../support/property/propertyRuns.ts';

/** Networks up to this many weights carry seeded weights in the round trip (initWeights of more is slow here). */
const ROUND_TRIP_WEIGHTS = 20_000;

/** Real links: every preset bare, and with seeded weights (exact when they fit, else quantised). */
const LINKS: string[] = presetWorkspaces().flatMap(([, ws]) => {
  const bare = encodeWorkspaceLink(ws).fragment;
  const weights = encodeWorkspaceLink(ws, initWeights(ws.network, 7), { maxChars: 8000 });
  return weights.weightsIncluded ? [bare, weights.fragment] : [bare];
});

const stages = new Map<string, number>();
afterAll(() => console.log(`link outcomes: ${JSON.stringify(Object.fromEntries(stages))}`));
const tally = (stage: string) => stages.set(stage, (stages.get(stage) ?? 0) + 1);

const weightCount = (ws: Parameters<typeof weightShapes>[0]) => Object.values(weightShapes(ws)).reduce((a, s) => a + s.reduce((x, y) => x * y, 1), 0);

describe('share links (property)', () => {
  test.prop([workspaceRecipeArb], { seed: PROPERTY_SEED, numRuns: runs(80) })('any valid workspace comes back from its link unchanged, with exact weights bit for bit, within budget', (recipe) => {
    const ws = validWorkspaceOf(recipe);
    fc.pre(ws !== undefined);
    const weights = weightCount(ws.network) <= ROUND_TRIP_WEIGHTS ? initWeights(ws.network, recipe.seed % 1000) : undefined;
    const o = budgetedCall(() => {
      const link = encodeWorkspaceLink(ws, weights);
      return { link, decoded: decodeWorkspaceLink(link.fragment) };
    });
    expect(budgetProblems(o)).toEqual([]);
    if (!o.ok) throw o.error;
    expect(o.value.decoded.workspace).toEqual(ws);
    if (weights && o.value.link.weightsExact) {
      for (const [name, w] of Object.entries(weights)) expect(o.value.decoded.weights?.[name]?.values, name).toEqual(w.values);
    }
  });

  test.prop([linkDamageArb(LINKS.length)], { seed: PROPERTY_SEED, numRuns: runs(300) })('a damaged link decodes to a valid workspace or is refused with its stage, within budget', (d) => {
    tally(judgeLink(damagedLink(LINKS[d.link] ?? '', d)));
  });

  test.prop([fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), maxLength: 400 }).map(formatFragment))], {
    seed: PROPERTY_SEED,
    numRuns: runs(200),
  })('a random text or random base64url body decodes to a valid workspace or is refused with its stage, within budget', (text) => {
    tally(judgeLink(text));
  });

  test.prop([fc.nat({ max: LINKS.length - 1 }), fc.oneof(fc.stringMatching(/^[0-9]{1,12}$/), fc.string({ maxLength: 6 }))], { seed: PROPERTY_SEED, numRuns: runs(200) })(
    'a link whose codec version is not exactly v1 is refused at the prefix or version stage',
    (link, version) => {
      fc.pre(version !== '1');
      const body = readFragment(LINKS[link] ?? '');
      const text = `w=v${version}.${body}`;
      expect(judgeLink(text)).toMatch(/^(prefix|version)$/);
    },
  );

  test.prop([fc.nat({ max: LINKS.length - 1 }), fc.uint8Array({ minLength: 1, maxLength: 16 })], { seed: PROPERTY_SEED, numRuns: runs(50) })(
    'a link with bytes after its compressed stream is refused at the inflate stage',
    (link, tail) => {
      const bytes = base64urlToBytes(readFragment(LINKS[link] ?? ''));
      const longer = new Uint8Array(bytes.length + tail.length);
      longer.set(bytes);
      longer.set(tail, bytes.length);
      expect(() => decodeWorkspaceLink(formatFragment(bytesToBase64url(longer)))).toThrow(LinkError);
    },
  );
});
