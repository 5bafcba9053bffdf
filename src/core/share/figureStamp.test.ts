import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initWeights } from '../network/weights.ts';
import { parseWorkspace } from '../spec/parseWorkspace.ts';
import { figureStamp, stampCaption, stampCsvComments, STAMP_LINK_LIMIT_CHARS, workspaceLinkHash } from './figureStamp.ts';
import { encodeWorkspaceLink } from './linkCodec.ts';
import { sha256Hex } from './sha256.ts';

const preset = (name: string) => parseWorkspace(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', 'presets', `${name}.workspace.json`), 'utf8')));

describe('sha256Hex', () => {
  it('gives the FIPS 180-4 test vectors and agrees with Node on block edges and non-ASCII text', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    // 55, 56 and 64 bytes cross the padding's one- and two-block cases; é and 🧠 are multi-byte.
    for (const text of ['a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'a'.repeat(1000), 'é🧠 w=v1.x', 'x'.repeat(70_000)]) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
});

describe('figureStamp', () => {
  const url = (fragment: string) => `http://127.0.0.1:5330/#${fragment}`;

  it('stamps the default preset with its whole link: it is within the caption limit', () => {
    const link = url(encodeWorkspaceLink(preset('default')).fragment);
    expect(link.length).toBeLessThanOrEqual(STAMP_LINK_LIMIT_CHARS);
    const stamp = figureStamp({ link, seed: 7, engine: 'events (typed-arrays)', version: '0.1.0' });
    expect(stamp).toEqual({ workspace: link, seed: '7', engine: 'events (typed-arrays)', spikelab: '0.1.0' });
    expect(stampCaption(stamp)).toBe(`workspace ${link} · seed 7 · engine events (typed-arrays) · Spikelab 0.1.0`);
  });

  it('stamps a link with trained weights by the hash of its fragment, the same from any host', () => {
    const ws = preset('default');
    const encoded = encodeWorkspaceLink(ws, initWeights(ws.network, 3));
    expect(encoded.weightsIncluded).toBe(true);
    expect(url(encoded.fragment).length).toBeGreaterThan(STAMP_LINK_LIMIT_CHARS);
    const stamp = figureStamp({ link: url(encoded.fragment), seed: 1, engine: 'tfjs (cpu)', version: '0.1.0' });
    const hex = createHash('sha256').update(encoded.fragment).digest('hex').slice(0, 16);
    expect(stamp.workspace).toBe(`sha256:${hex}`);
    expect(workspaceLinkHash(`https://elsewhere.example/spikelab/#${encoded.fragment}`)).toBe(stamp.workspace);
    expect(workspaceLinkHash(encoded.fragment)).toBe(stamp.workspace);
    // Another workspace hashes otherwise.
    expect(workspaceLinkHash(encodeWorkspaceLink(ws, initWeights(ws.network, 4)).fragment)).not.toBe(stamp.workspace);
  });

  it('says why there is no link, and keeps CSV comments one line per key whatever the values hold', () => {
    const stamp = figureStamp({ link: { refused: 'the workspace is over\nthe link budget' }, seed: 0, engine: 'wasm', version: '9.9.9' });
    expect(stamp.workspace).toBe('no link: the workspace is over\nthe link budget');
    expect(stampCsvComments(stamp)).toBe('# workspace: no link: the workspace is over the link budget\n# seed: 0\n# engine: wasm\n# spikelab: 9.9.9\n');
  });
});
