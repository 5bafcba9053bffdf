import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { initWeights } from '../../src/core/network/weights.ts';
import { parseWorkspace } from '../../src/core/spec/parseWorkspace.ts';
import { serializeModel } from '../../src/core/train/modelFile.ts';
import { cli } from '../support/cli.ts';
import { PRESETS_DIR, presetWorkspaces } from '../support/presets.ts';

interface EncodeJson {
  fragment: string;
  chars: number;
  weights_included: boolean;
  weight_bits: number | null;
  sha256: string;
  reason?: string;
}

const dir = mkdtempSync(join(tmpdir(), 'spikelab-link-'));
const preset = (name: string) => join(PRESETS_DIR, `${name}.workspace.json`);

/** A model file of a preset with its seeded initial weights (what `train --out` writes, untrained). */
function modelOf(name: string): string {
  const [, ws] = presetWorkspaces().find(([f]) => f === `${name}.workspace.json`) ?? [];
  if (!ws) throw new Error(`no preset ${name}`);
  const file = join(dir, `${name}.model.json`);
  writeFileSync(file, serializeModel({ workspace: ws, classes: [], weights: initWeights(ws.network, ws.seed), metrics: {} }));
  return file;
}

describe('spikelab link', () => {
  it('encodes a workspace and decodes its link (as a whole URL) back to the same workspace', () => {
    const enc = cli('link', 'encode', '--workspace', preset('ecg-mitbih'));
    expect(enc.code, enc.err).toBe(0);
    const fragment = enc.out.trim();
    expect(fragment).toMatch(/^w=v1\.[A-Za-z0-9_-]+$/);
    const out = join(dir, 'decoded.json');
    const dec = cli('link', 'decode', `https://example.org/spikelab/#${fragment}`, '--out', out);
    expect(dec.code, dec.err).toBe(0);
    const original = parseWorkspace(JSON.parse(readFileSync(preset('ecg-mitbih'), 'utf8')));
    expect(parseWorkspace(JSON.parse(readFileSync(out, 'utf8')))).toEqual(original);
  });

  it('puts a model’s weights in the link when they fit, stating the bits, and the decoder reports them', () => {
    const enc = cli('link', 'encode', '--workspace', preset('default'), '--model', modelOf('default'), '--weight-bits', '6', '--json');
    expect(enc.code, enc.err).toBe(0);
    const j = JSON.parse(enc.out) as EncodeJson;
    expect(j).toMatchObject({ weights_included: true, weight_bits: 6, chars: j.fragment.length });
    // The hash a figure is stamped with when its link is too long to print: SHA-256 of the fragment, 16 hex digits.
    expect(j.sha256).toBe(`sha256:${createHash('sha256').update(j.fragment).digest('hex').slice(0, 16)}`);
    const dec = cli('link', 'decode', j.fragment, '--out', join(dir, 'weighted.json'));
    expect(dec.code, dec.err).toBe(0);
    expect(dec.out).toMatch(/6-bit weights for fc1, fc2, fc3/);
  });

  it('leaves out weights too large for a link, says why, and lists the file the receiver must drop', () => {
    const enc = cli('link', 'encode', '--model', modelOf('dvs-nmnist'), '--json');
    expect(enc.code, enc.err).toBe(0);
    const j = JSON.parse(enc.out) as EncodeJson;
    expect(j).toMatchObject({ weights_included: false, weight_bits: null });
    expect(j.reason).toMatch(/send a workspace file/);
    const dec = cli('link', 'decode', j.fragment, '--out', join(dir, 'nmnist.json'));
    expect(dec.out).toMatch(/needs the file '60001\.bs2' \(crc32:b4414a91:16650\)/);
  });

  it('exits 2 naming the stage and the reason for a corrupt or foreign link, and writes nothing', () => {
    const fragment = cli('link', 'encode', '--workspace', preset('eeg')).out.trim();
    const out = join(dir, 'never.json');
    const cut = cli('link', 'decode', `#${fragment.slice(0, 5 + ((fragment.length - 5) & ~3) - 8)}`, '--out', out);
    expect(cut.code).toBe(2);
    expect(cut.err).toMatch(/refused at stage '(inflate|container)': .+/);
    const newer = cli('link', 'decode', fragment.replace('v1.', 'v9.'), '--out', out);
    expect(newer.code).toBe(2);
    expect(newer.err).toMatch(/refused at stage 'version': the link uses format v9 \(made by a newer Spikelab\)/);
    expect(() => readFileSync(out)).toThrow();
  });

  it('exits 2 with the usage when the link or --out is missing', () => {
    const r = cli('link', 'decode', '--out', join(dir, 'x.json'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/usage: spikelab link encode/);
  });
});
