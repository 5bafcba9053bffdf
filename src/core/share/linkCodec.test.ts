import { describe, expect, it } from 'vitest';
import { presetWorkspaces } from '../../../test/support/presets.ts';
import { LinkError } from '../errors.ts';
import { initWeights, type NetworkWeights } from '../network/weights.ts';
import { parseWorkspace } from '../spec/parseWorkspace.ts';
import type { Workspace } from '../spec/workspace.ts';
import { decodeWorkspaceLink, encodeWorkspaceLink, MAX_LINK_CHARS, PRESET_LINK_BUDGET_CHARS } from './linkCodec.ts';
import { maxCode } from './weightQuantisation.ts';

const PRESETS = presetWorkspaces();

function preset(file: string): Workspace {
  const found = PRESETS.find(([f]) => f === file);
  if (!found) throw new Error(`no preset ${file}`);
  return found[1];
}

/** Largest |w − ŵ| over a layer, against the bound scale/2 = max|w| / (2·qmax) of quantiseWeights. */
function worstError(original: NetworkWeights, decoded: NetworkWeights, bits: number): { name: string; error: number; bound: number }[] {
  return Object.entries(original).map(([name, w]) => {
    const d = decoded[name]?.values ?? new Float32Array(0);
    let error = 0;
    let maxAbs = 0;
    w.values.forEach((v, i) => {
      error = Math.max(error, Math.abs(v - (d[i] ?? NaN)));
      maxAbs = Math.max(maxAbs, Math.abs(v));
    });
    // Plus float32 rounding of q·scale (relative 2⁻²⁴ of the largest value).
    return { name, error, bound: maxAbs / (2 * maxCode(bits)) + maxAbs * 2 ** -23 };
  });
}

describe('encodeWorkspaceLink and decodeWorkspaceLink', () => {
  it.each(PRESETS)('give back preset %s identical, as a parsed workspace, from its link', (_file, ws) => {
    const link = encodeWorkspaceLink(ws);
    expect(link.fragment).toMatch(/^w=v1\.[A-Za-z0-9_-]+$/);
    expect(link.chars).toBe(link.fragment.length);
    const back = decodeWorkspaceLink(link.fragment);
    expect(back.workspace).toEqual(ws);
    expect(JSON.stringify(back.workspace)).toBe(JSON.stringify(ws));
    expect(back.weights).toBeUndefined();
  });

  it.each(PRESETS)('keep preset %s within the 2,000-character budget without weights', (_file, ws) => {
    // STYLE.md "Link budget": if a preset grows past it, shrink the preset or the encoding.
    expect(encodeWorkspaceLink(ws).chars).toBeLessThanOrEqual(PRESET_LINK_BUDGET_CHARS);
  });

  it.each(PRESETS)('carry the seeded weights of preset %s exactly (float32) when they fit, else quantised within the error, or say why not', (_file, ws) => {
    const weights = initWeights(ws.network, ws.seed);
    const link = encodeWorkspaceLink(ws, weights);
    expect(link.chars).toBeLessThanOrEqual(MAX_LINK_CHARS);
    const back = decodeWorkspaceLink(link.fragment);
    expect(back.workspace).toEqual(ws);
    if (!link.weightsIncluded) {
      expect(link.reason).toMatch(/with 8-bit weights .*workspace file/);
      expect(back.weights).toBeUndefined();
      return;
    }
    expect(back.weightBits).toBe(link.weightBits);
    expect(link.weightsExact).toBe(link.weightBits === 32);
    for (const [name, w] of Object.entries(weights)) expect(back.weights?.[name]?.shape, name).toEqual(w.shape);
    if (link.weightsExact) for (const [name, w] of Object.entries(weights)) expect(back.weights?.[name]?.values, name).toEqual(w.values);
    else for (const r of worstError(weights, back.weights ?? {}, link.weightBits ?? 0)) expect(r.error, r.name).toBeLessThanOrEqual(r.bound);
  });

  it('carries trained weights bit for bit (float32) when the link fits, and says so', () => {
    const ws = preset('ecg-synthetic.workspace.json');
    // Values no 8- or 16-bit code with one scale per layer can hold: every float32 must come back as it went.
    const weights = initWeights(ws.network, 11);
    for (const w of Object.values(weights)) w.values.forEach((v, i) => (w.values[i] = Math.fround(v * (1 + i * 1e-7))));
    const link = encodeWorkspaceLink(ws, weights);
    expect(link).toMatchObject({ weightsIncluded: true, weightBits: 32, weightsExact: true });
    const back = decodeWorkspaceLink(link.fragment);
    expect(back.weightBits).toBe(32);
    for (const [name, w] of Object.entries(weights)) expect(Buffer.from(back.weights?.[name]?.values.buffer ?? new ArrayBuffer(0)).equals(Buffer.from(w.values.buffer)), name).toBe(true);
  });

  it('falls back to 16, then 8 bits when float32 would pass the budget, finest first', () => {
    const ws = preset('default.workspace.json');
    const weights = initWeights(ws.network, 2);
    const exact = encodeWorkspaceLink(ws, weights);
    const q16 = encodeWorkspaceLink(ws, weights, { weightBits: 16 });
    const q8 = encodeWorkspaceLink(ws, weights, { weightBits: 8 });
    expect(exact.chars).toBeGreaterThan(q16.chars);
    expect(q16.chars).toBeGreaterThan(q8.chars);
    expect(encodeWorkspaceLink(ws, weights, { maxChars: exact.chars - 1 })).toMatchObject({ weightsIncluded: true, weightBits: 16, weightsExact: false, fragment: q16.fragment });
    expect(encodeWorkspaceLink(ws, weights, { maxChars: q16.chars - 1 })).toMatchObject({ weightsIncluded: true, weightBits: 8, fragment: q8.fragment });
    const none = encodeWorkspaceLink(ws, weights, { maxChars: q8.chars - 1 });
    expect(none.weightsIncluded).toBe(false);
    expect(none.reason).toMatch(new RegExp(`with 8-bit weights the link would be ${q8.chars} characters, over the ${q8.chars - 1}-character limit; .*send a workspace file`));
  });

  it.each([2, 3, 4, 7, 12, 16])('quantise to %i bits within max|w| / (2·(2^(bits−1) − 1))', (bits) => {
    const ws = preset('default.workspace.json');
    const weights = initWeights(ws.network, 9);
    const link = encodeWorkspaceLink(ws, weights, { weightBits: bits });
    expect(link).toMatchObject({ weightsIncluded: true, weightBits: bits });
    const back = decodeWorkspaceLink(link.fragment);
    for (const r of worstError(weights, back.weights ?? {}, bits)) expect(r.error, r.name).toBeLessThanOrEqual(r.bound);
  });

  it('leaves weights out of a link that would pass 64 KB and says to send a workspace file', () => {
    // N-MNIST: 2312 × 128 + 128 × 10 random weights are ~300 KB even at 8 bits.
    const ws = preset('dvs-nmnist.workspace.json');
    const link = encodeWorkspaceLink(ws, initWeights(ws.network, 1));
    expect(link.weightsIncluded).toBe(false);
    expect(link.weightBits).toBeUndefined();
    expect(link.reason).toMatch(/over the 65536-character limit.*send a workspace file/);
    expect(link.chars).toBeLessThanOrEqual(PRESET_LINK_BUDGET_CHARS);
  });

  it('includes weights exactly when the whole link fits the budget the caller gives', () => {
    const ws = preset('default.workspace.json');
    const weights = initWeights(ws.network, 2);
    const full = encodeWorkspaceLink(ws, weights, { weightBits: 8 });
    expect(encodeWorkspaceLink(ws, weights, { weightBits: 8, maxChars: full.chars }).weightsIncluded).toBe(true);
    const short = encodeWorkspaceLink(ws, weights, { weightBits: 8, maxChars: full.chars - 1 });
    expect(short.weightsIncluded).toBe(false);
    expect(short.reason).toMatch(new RegExp(`be ${full.chars} characters, over the ${full.chars - 1}-character limit`));
  });

  it('carries weights that compress well even for a large network', () => {
    // All-zero weights deflate to almost nothing: the budget is on the link, not the network.
    const ws = preset('dvs-nmnist.workspace.json');
    const zeros = Object.fromEntries(Object.entries(initWeights(ws.network, 1)).map(([k, w]) => [k, { shape: w.shape, values: new Float32Array(w.values.length) }]));
    const link = encodeWorkspaceLink(ws, zeros);
    expect(link.weightsIncluded).toBe(true);
    const back = decodeWorkspaceLink(link.fragment);
    expect(back.weights?.['fc1']?.values.every((v) => v === 0)).toBe(true);
  });

  it('accepts a whole URL, a fragment with other parameters, or the bare value', () => {
    const ws = preset('eeg.workspace.json');
    const { fragment } = encodeWorkspaceLink(ws);
    for (const text of [`https://example.org/spikelab/?x=1#${fragment}`, `#${fragment}`, `hide=train&${fragment}`, fragment.slice(2), `  ${fragment}\n`]) {
      expect(decodeWorkspaceLink(text).workspace, text.slice(0, 40)).toEqual(ws);
    }
  });

  it('lists the dropped file a workspace needs, with its checksum, and none for built-in sources', () => {
    expect(decodeWorkspaceLink(encodeWorkspaceLink(preset('dvs-nmnist.workspace.json')).fragment).files).toEqual([{ name: '60001.bs2', checksum: 'crc32:b4414a91:16650' }]);
    expect(decodeWorkspaceLink(encodeWorkspaceLink(preset('eeg.workspace.json')).fragment).files).toEqual([]);
  });

  it('keeps markup in names as plain text', () => {
    const ws = parseWorkspace({ ...preset('dvs-nmnist.workspace.json'), name: '<script>alert("x")</script> & <img src=x onerror=alert(1)>' });
    const odd = { ...ws, data: { ...ws.data, file: '"><svg onload=alert(1)>.bs2' } } as Workspace;
    const back = decodeWorkspaceLink(encodeWorkspaceLink(odd).fragment);
    expect(back.workspace.name).toBe('<script>alert("x")</script> & <img src=x onerror=alert(1)>');
    expect(back.files[0]?.name).toBe('"><svg onload=alert(1)>.bs2');
  });

  it('refuses weights that do not fit the network, and bit counts outside 2–16, with LinkError weights', () => {
    const ws = preset('default.workspace.json');
    const weights = initWeights(ws.network, 1);
    const fc1 = weights['fc1'];
    if (!fc1) throw new Error('default preset has fc1');
    const cases: [NetworkWeights, number][] = [
      [{ ...weights, fc1: { shape: [fc1.shape[1] ?? 0, fc1.shape[0] ?? 0], values: fc1.values } }, 8],
      [{ ...weights, fc1: { shape: fc1.shape, values: fc1.values.map((v, i) => (i === 5 ? NaN : v)) } }, 8],
      [{ ...weights, fc1: { shape: fc1.shape, values: fc1.values.map((v, i) => (i === 0 ? Infinity : v)) } }, 8],
      [Object.fromEntries(Object.entries(weights).filter(([k]) => k !== 'fc2')), 8],
      [weights, 1],
      [weights, 17],
      [weights, 4.5],
    ];
    for (const [w, bits] of cases) {
      const err = (() => {
        try {
          encodeWorkspaceLink(ws, w, { weightBits: bits });
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(err).toBeInstanceOf(LinkError);
      expect((err as LinkError).stage).toBe('weights');
    }
  });

  it('encodes the same workspace to the same link every time', () => {
    const ws = preset('audio-digits.workspace.json');
    const w = initWeights(ws.network, 4);
    expect(encodeWorkspaceLink(ws, w).fragment).toBe(encodeWorkspaceLink(ws, w).fragment);
  });
});
