import { test } from '@fast-check/vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { DataFormatError } from '../../src/core/errors.ts';
import { nirFromHdf5Bytes } from '../../src/core/share/nir/nirHdf5.ts';
import { NirError } from '../../src/core/share/nir/nirError.ts';
import { nirToWorkspace } from '../../src/core/share/nir/nirWorkspace.ts';
import { craftHdf5, denseNir } from '../support/craft/nirCraft.ts';
import { applyMutations, mutationsArb } from '../support/property/byteMutations.ts';
import { budgetProblems, cpuMs, describeThrown, MEMORY_BUDGET_BYTES, TIME_BUDGET_MS } from '../support/property/budgetedCall.ts';
import { specProblems } from '../support/property/judgeSpec.ts';
import { knownDefectOf } from '../support/property/knownDefects.ts';
import fc from 'fast-check';
import { PROPERTY_SEED, runs } from '../support/property/propertyRuns.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'nir');
/**
 * NIR files written by Norse, Rockpool and snnTorch (test/fixtures/nir, in the repository: no data
 * folder needed). two_lif_neurons.nir is refused as it stands (v_leak ≠ 0): damage to it reaches
 * the refusals; the Braille reader's loop imports as a recurrent edge.
 */
const REAL = ['lif_norse.nir', 'lif_rockpool.nir', 'two_lif_neurons.nir', 'braille_noDelay_noBias_subtract.nir'];
const IMPORTABLE = new Set(['lif_norse.nir', 'lif_rockpool.nir', 'dense.nir', 'braille_noDelay_noBias_subtract.nir']);
const seeds: { name: string; bytes: Uint8Array }[] = REAL.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(FIXTURES, name))) }));
beforeAll(async () => {
  seeds.push({ name: 'dense.nir', bytes: await craftHdf5((root) => denseNir(root)) });
  // The first damaged file h5wasm meets costs ~2 s of CPU once, whatever the damage: V8 compiles
  // the library's error paths on first use (on compiler threads, which CPU time counts). Meet them
  // here, so that the budget measures each input and not the compiler.
  for (const s of seeds) {
    await nirFromHdf5Bytes(applyMutations(s.bytes, [{ kind: 'number', at: 2048, encoding: 'ascii', value: 1 }]), 'warm-up.nir').catch(() => undefined);
  }
  // h5wasm's first load and these reads take ~20 s of wall time at this machine's usual load.
}, 180_000);

const tally = { valid: 0, refused: 0 };
const graphTally = { valid: 0, refused: 0 };
afterAll(() => console.log(`NIR import: ${tally.valid} valid, ${tally.refused} refused; NIR graph: ${graphTally.valid} valid, ${graphTally.refused} refused`));

/**
 * The NIR property: reading the bytes and importing the graph gives a workspace that validates
 * again with weights that fit and are finite, or a DataFormatError (not HDF5, or HDF5 the library
 * cannot read, with the file and offset) or a NirError naming the node — within budget.
 */
async function judgeNir(name: string, bytes: Uint8Array): Promise<'valid' | 'refused'> {
  const before = process.memoryUsage();
  const t0 = cpuMs();
  let outcome: { ok: true; imp: ReturnType<typeof nirToWorkspace> } | { ok: false; error: unknown };
  try {
    outcome = { ok: true, imp: nirToWorkspace(await nirFromHdf5Bytes(bytes, name)) };
  } catch (error) {
    outcome = { ok: false, error };
  }
  const after = process.memoryUsage();
  const bytesUsed = after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers;
  const problems = budgetProblems({ ms: cpuMs() - t0, bytes: bytesUsed }).map((detail) => ({ code: 'budget', detail }));
  if (outcome.ok) problems.push(...specProblems({ workspace: outcome.imp.workspace, weights: outcome.imp.weights }));
  else if (outcome.error instanceof DataFormatError) {
    if (outcome.error.file !== name || !(outcome.error.byteOffset >= 0 && outcome.error.byteOffset <= bytes.length)) problems.push({ code: 'error-offset', detail: outcome.error.message });
  } else if (!(outcome.error instanceof NirError)) problems.push({ code: 'untyped-error', detail: describeThrown(outcome.error) });
  const unknown = problems.filter((p) => !knownDefectOf('NIR import', p.code));
  if (unknown.length > 0) throw new Error(`NIR import of ${name} (${bytes.length} B): ${unknown.map((p) => `[${p.code}] ${p.detail}`).join('; ')}`);
  fc.pre(problems.length === 0);
  return outcome.ok ? 'valid' : 'refused';
}

describe(`NIR import (property; budgets ${TIME_BUDGET_MS} ms, ${MEMORY_BUDGET_BYTES / 2 ** 20} MB)`, () => {
  test('every seed imports as a valid workspace or is refused as the library tests say', async () => {
    for (const s of seeds) expect(await judgeNir(s.name, s.bytes), s.name).toBe(IMPORTABLE.has(s.name) ? 'valid' : 'refused');
  });

  test.prop([fc.nat({ max: REAL.length }), mutationsArb()], { seed: PROPERTY_SEED, numRuns: runs(150) })('a damaged NIR file imports as a valid workspace or is refused with a typed error, within budget', async (i, mutations) => {
    const s = seeds[i] ?? seeds[0];
    if (!s) throw new Error('no seeds');
    const verdict = await judgeNir(s.name, applyMutations(s.bytes, mutations));
    tally[verdict]++;
  });
});

/**
 * An edit of a read graph, kept to what an HDF5 file can hold: one value of a node's tensor (or
 * number) field, or the tensor replaced by another of a new shape whose size matches its values
 * (the HDF5 reader takes both from one dataset, so they always agree).
 */
interface GraphEdit {
  readonly node: number;
  readonly field: number;
  readonly index: number;
  readonly value: number;
  readonly shape: boolean;
}

const graphEditArb: fc.Arbitrary<GraphEdit> = fc.record({
  node: fc.nat({ max: 63 }),
  field: fc.nat({ max: 15 }),
  index: fc.nat({ max: 4095 }),
  value: fc.constantFrom(0, -1, 1e300, -1e300, 1e-300, NaN, Infinity, -Infinity, 2 ** 31, 3),
  shape: fc.boolean(),
});

const isTensor = (v: unknown): v is { shape: number[]; values: Float32Array | Float64Array } =>
  typeof v === 'object' && v !== null && 'values' in v && (v.values instanceof Float32Array || v.values instanceof Float64Array);

/** A deep copy of `graph` with the edits applied (nested graphs are nodes too, edited as a whole). */
function editGraph<G extends { nodes: Record<string, unknown> }>(graph: G, edits: readonly GraphEdit[]): G {
  const out = structuredClone(graph);
  for (const e of edits) {
    const nodes = Object.values(out.nodes).filter((n): n is Record<string, unknown> => typeof n === 'object' && n !== null);
    const node = nodes[e.node % Math.max(1, nodes.length)];
    if (!node) continue;
    const fields = Object.keys(node).filter((k) => k !== 'type' && (isTensor(node[k]) || typeof node[k] === 'number' || Array.isArray(node[k])));
    const key = fields[e.field % Math.max(1, fields.length)];
    if (key === undefined) continue;
    const v = node[key];
    if (isTensor(v)) {
      if (e.shape) {
        const dims = [1 + (e.index % 7), 1 + ((e.index >> 3) % 7)].slice(0, 1 + (e.index % 2));
        node[key] = { shape: dims, values: new Float32Array(dims.reduce((a, b) => a * b, 1)).fill(Number.isFinite(e.value) ? 0.5 : e.value) };
      } else if (v.values.length > 0) v.values[e.index % v.values.length] = e.value;
    } else if (Array.isArray(v) && v.length > 0) v[e.index % v.length] = e.value;
    else node[key] = e.value;
  }
  return out;
}

describe('NIR graph to workspace (property)', () => {
  const graphs: Awaited<ReturnType<typeof nirFromHdf5Bytes>>[] = [];
  beforeAll(async () => {
    for (const s of seeds.filter((x) => IMPORTABLE.has(x.name))) graphs.push(await nirFromHdf5Bytes(s.bytes, s.name));
  }, 60_000);

  test.prop([fc.nat({ max: 2 }), fc.array(graphEditArb, { minLength: 1, maxLength: 3 })], { seed: PROPERTY_SEED, numRuns: runs(200) })(
    'a graph with absurd parameters or shapes imports as a valid workspace or is refused with a NirError, within budget',
    (i, edits) => {
      const graph = graphs[i % graphs.length];
      if (!graph) throw new Error('no graphs');
      const edited = editGraph(graph, edits);
      const t0 = cpuMs();
      let problems: { code: string; detail: string }[];
      try {
        const imp = nirToWorkspace(edited);
        problems = specProblems({ workspace: imp.workspace, weights: imp.weights });
        graphTally.valid++;
      } catch (e) {
        problems = e instanceof NirError ? [] : [{ code: 'untyped-error', detail: describeThrown(e) }];
        graphTally.refused++;
      }
      const ms = cpuMs() - t0;
      if (ms > TIME_BUDGET_MS) problems.push({ code: 'budget', detail: `${ms.toFixed(0)} ms` });
      const unknown = problems.filter((p) => !knownDefectOf('NIR graph', p.code));
      if (unknown.length > 0) throw new Error(`NIR graph: ${unknown.map((p) => `[${p.code}] ${p.detail}`).join('; ')}`);
      fc.pre(problems.length === 0);
    },
  );
});
