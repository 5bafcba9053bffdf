import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { craftLink, linkOfContainer, partsOf, sealed } from '../../../test/support/linkCraft.ts';
import { presetWorkspaces } from '../../../test/support/presets.ts';
import { LinkError, type LinkStage } from '../errors.ts';
import { initWeights } from '../network/weights.ts';
import { base64urlToBytes, bytesToBase64url } from './base64url.ts';
import { decodeWorkspaceLink, encodeWorkspaceLink } from './linkCodec.ts';
import { packContainer } from './linkContainer.ts';

const [, WS] = presetWorkspaces().find(([f]) => f === 'default.workspace.json') ?? [];
if (!WS) throw new Error('the default preset is missing');
const LINK = encodeWorkspaceLink(WS).fragment;
// 8-bit weights as every link before exact weights carried them (the default link now carries float32).
const WEIGHTED = encodeWorkspaceLink(WS, initWeights(WS.network, 3), { weightBits: 8 }).fragment;
const { header: HEADER, payload: PAYLOAD } = partsOf(WEIGHTED);
const EXACT = encodeWorkspaceLink(WS, initWeights(WS.network, 3)).fragment;
const { header: EXACT_HEADER, payload: EXACT_PAYLOAD } = partsOf(EXACT);
/** EXACT_PAYLOAD with the float32 at `index` replaced by `value`. */
const exactWith = (index: number, value: number): Uint8Array => {
  const out = EXACT_PAYLOAD.slice();
  new DataView(out.buffer).setFloat32(4 * index, value, true);
  return out;
};
const WS_JSON = JSON.stringify(WS);

/** The header of WEIGHTED with one edit to its parsed form. */
function edited(change: (h: { workspace: Record<string, unknown>; weights: { bits: number; layers: Record<string, unknown>[] } }) => void): string {
  const h = JSON.parse(HEADER) as Parameters<typeof change>[0];
  change(h);
  return JSON.stringify(h);
}

/** The stage a link is refused at; fails the test if it decodes or throws anything but a LinkError. */
function refusal(text: string): LinkError {
  try {
    decodeWorkspaceLink(text);
  } catch (e) {
    if (e instanceof LinkError) return e;
    throw new Error(`threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)} instead of a LinkError`);
  }
  throw new Error('the link was accepted');
}

/** The compressed bytes of a link with `n` bytes appended after the end of its DEFLATE stream. */
function withTrailing(link: string, n: number): Uint8Array {
  const body = base64urlToBytes(link.slice('w=v1.'.length));
  const out = new Uint8Array(body.length + n).fill(0x41);
  out.set(body);
  return out;
}

const bomb = () => linkOfContainer(new Uint8Array(20 * 1024 * 1024));

const CORPUS: [string, () => string, LinkStage][] = [
  ['an empty string', () => '', 'prefix'],
  ['a URL without a fragment', () => 'https://example.org/spikelab/', 'prefix'],
  ['a fragment without the w parameter', () => '#view=raster&seed=3', 'prefix'],
  ['w= with no value', () => '#w=', 'prefix'],
  ['a value without a version', () => '#w=' + LINK.slice(5), 'prefix'],
  ['a newer link format', () => LINK.replace('w=v1.', 'w=v2.'), 'version'],
  ['link format v0', () => LINK.replace('w=v1.', 'w=v0.'), 'version'],
  ['a link far over 64 KB', () => 'w=v1.' + 'A'.repeat(70_000), 'size'],
  ['a megabyte pasted as a URL', () => 'https://example.org/#' + 'x'.repeat(1 << 20), 'size'],
  ['characters outside base64url', () => 'w=v1.' + LINK.slice(5, 40) + '+/=' + LINK.slice(43), 'base64'],
  ['a percent-escaped link', () => LINK.slice(0, 30) + '%2F' + LINK.slice(33), 'base64'],
  ['a non-ASCII character', () => LINK.slice(0, 20) + 'é' + LINK.slice(21), 'base64'],
  ['a length no encoder writes', () => 'w=v1.AAAAA', 'base64'],
  ['stray bits in the last character', () => 'w=v1.AB', 'base64'],
  ['base64 of bytes that are not DEFLATE', () => 'w=v1.' + bytesToBase64url(strToU8('{"workspace": {}} and more text here')), 'inflate'],
  ['a link cut in half', () => LINK.slice(0, 5 + (Math.floor((LINK.length - 5) / 2) & ~3)), 'inflate'],
  ['a decompression bomb (20 MB of zeros)', bomb, 'inflate'],
  ['an empty container', () => linkOfContainer(new Uint8Array(0)), 'container'],
  ['a container with a wrong CRC', () => linkOfContainer(packContainer({ header: strToU8(WS_JSON), payload: new Uint8Array(0) }).map((b, i, a) => (i === a.length - 1 ? b ^ 1 : b))), 'container'],
  ['a header length past the end', () => linkOfContainer(sealed([0xff, 0x7f, 1, 2, 3])), 'container'],
  ['an endless header-length varint', () => linkOfContainer(sealed([0xff, 0xff, 0xff, 0xff, 0xff, 0x01])), 'container'],
  ['payload bytes the header does not describe', () => craftLink(JSON.stringify({ workspace: WS }), new Uint8Array([1, 2, 3])), 'container'],
  ['a header that is not JSON', () => craftLink('{"workspace": '), 'json'],
  ['a header that is not UTF-8', () => craftLink(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), 'json'],
  ['a header that is an array', () => craftLink('[1, 2, 3]'), 'json'],
  ['__proto__ at the top of the header', () => craftLink(`{"__proto__": {"polluted": true}, "workspace": ${WS_JSON}}`), 'json'],
  ['__proto__ deep in the workspace', () => craftLink(`{"workspace": ${WS_JSON.replace('"seed":42', '"seed":42,"chip":{"id":"loihi","overrides":{"__proto__":{"polluted":true}}}')}}`), 'json'],
  ['a constructor key in the chip overrides', () => craftLink(`{"workspace": ${WS_JSON.replace('"seed":42', '"seed":42,"chip":{"id":"loihi","overrides":{"constructor":1}}')}}`), 'json'],
  ['a prototype key inside an array element', () => craftLink(`{"workspace": ${WS_JSON.replace('{"kind":"input"', '{"prototype":{"polluted":true},"kind":"input"')}}`), 'json'],
  ['bits outside 2–16', () => craftLink(edited((h) => (h.weights.bits = 1)), PAYLOAD), 'json'],
  ['a scale of 1e400 (Infinity in JSON)', () => craftLink(HEADER.replace(/"scale":[^,}]+/, '"scale":1e400'), PAYLOAD), 'json'],
  ['a weight shape of a billion squared', () => craftLink(edited((h) => (h.weights.layers[0] = { ...h.weights.layers[0], shape: [1e9, 1e9] })), PAYLOAD), 'weights'],
  ['a header without a workspace', () => craftLink('{}'), 'json'],
  ['a workspace that is a number', () => craftLink('{"workspace": 5}'), 'workspace'],
  ['a workspace from a newer Spikelab', () => craftLink(edited((h) => (h.workspace['schemaVersion'] = 99)), PAYLOAD), 'workspace'],
  ['a seed of 1e300', () => craftLink(edited((h) => (h.workspace['seed'] = 1e300)), PAYLOAD), 'workspace'],
  ['a seed of 1e400 (Infinity in JSON)', () => craftLink(HEADER.replace('"seed":42', '"seed":1e400'), PAYLOAD), 'workspace'],
  ['a dense layer of 10^15 units', () => craftLink(HEADER.replace('"units":64', '"units":1000000000000000'), PAYLOAD), 'workspace'],
  ['a name nested 100,000 arrays deep', () => craftLink(`{"workspace": ${WS_JSON.replace('"name":"ECG level-crossing demo"', `"name":${'['.repeat(100_000)}${']'.repeat(100_000)}`)}}`), 'workspace'],
  ['a script tag as a layer name', () => craftLink(`{"workspace": ${WS_JSON.replace('"name":"fc1"', '"name":"<script>alert(1)</script>"')}}`), 'workspace'],
  ['weights with the shape transposed', () => craftLink(edited((h) => (h.weights.layers[0] = { ...h.weights.layers[0], shape: [64, 32] })), PAYLOAD), 'weights'],
  ['weights for a layer the network lacks', () => craftLink(edited((h) => h.weights.layers.push({ name: 'ghost', shape: [1, 1], scale: 1 })), PAYLOAD), 'weights'],
  ['weights missing a layer', () => craftLink(edited((h) => h.weights.layers.pop()), PAYLOAD), 'weights'],
  ['weights cut short', () => craftLink(HEADER, PAYLOAD.subarray(0, PAYLOAD.length - 1)), 'weights'],
  ['a negative scale', () => craftLink(edited((h) => (h.weights.layers[0] = { ...h.weights.layers[0], scale: -0.1 })), PAYLOAD), 'weights'],
  ['a scale that overflows float32', () => craftLink(edited((h) => (h.weights.layers[0] = { ...h.weights.layers[0], scale: 1e37 })), PAYLOAD), 'weights'],
  ['an 8-bit code of 255 (outside ±127)', () => craftLink(HEADER, PAYLOAD.map((b, i) => (i === 0 ? 255 : b))), 'weights'],
  ['exact weights cut short by one byte', () => craftLink(EXACT_HEADER, EXACT_PAYLOAD.subarray(0, EXACT_PAYLOAD.length - 1)), 'weights'],
  ['exact weights with a NaN', () => craftLink(EXACT_HEADER, exactWith(7, NaN)), 'weights'],
  ['exact weights with Infinity', () => craftLink(EXACT_HEADER, exactWith(0, Infinity)), 'weights'],
  ['exact weights with the shape transposed', () => craftLink(EXACT_HEADER.replace('"shape":[32,64]', '"shape":[64,32]'), EXACT_PAYLOAD), 'weights'],
  ['link format v01 (a version with a leading zero)', () => LINK.replace('w=v1.', 'w=v01.'), 'version'],
  ['link format v0001', () => LINK.replace('w=v1.', 'w=v0001.'), 'version'],
  ['bytes after the end of the compressed stream', () => 'w=v1.' + bytesToBase64url(withTrailing(LINK, 3)), 'inflate'],
  ['one byte after the end of the compressed stream', () => 'w=v1.' + bytesToBase64url(withTrailing(LINK, 1)), 'inflate'],
  ['an unknown weight coding', () => craftLink(EXACT_HEADER.replace('"coding":"float32"', '"coding":"float64"'), EXACT_PAYLOAD), 'json'],
];

describe('decodeWorkspaceLink on hostile and broken links', () => {
  const before = Object.getOwnPropertyNames(Object.prototype).sort();

  it.each(CORPUS)('refuses %s with a LinkError naming the stage', (_label, make, stage) => {
    const err = refusal(make());
    expect(err.stage, err.message).toBe(stage);
    expect(err.reason.length).toBeGreaterThan(10);
    expect(err.message).toContain(`(${stage})`);
  });

  it('leaves Object.prototype untouched after the whole corpus', () => {
    for (const [, make] of CORPUS) refusal(make());
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('keeps the spec issues with their JSON paths when the workspace is invalid', () => {
    const err = refusal(craftLink(edited((h) => (h.workspace['seed'] = -1))));
    expect(err.issues.map((i) => i.path)).toContain('seed');
  });

  it('says where the compressed data ended and how many bytes follow it', () => {
    const body = base64urlToBytes(LINK.slice(5));
    expect(refusal('w=v1.' + bytesToBase64url(withTrailing(LINK, 3))).reason).toBe(`3 bytes follow the end of the compressed data at byte ${body.length}; a link holds nothing after it`);
  });

  it('refuses a decompression bomb that fits in a link by its unpacked size', () => {
    expect(bomb().length).toBeLessThan(65_536);
    expect(refusal(bomb()).reason).toMatch(/more than 8 MB/);
  });

  it('reads a -0 in the header as 0, so the workspace is the one its next save or link writes', () => {
    const text = JSON.stringify({ workspace: WS }).replace(/"seed":\d+/, '"seed":-0');
    expect(text).toContain('"seed":-0');
    const ws = decodeWorkspaceLink(craftLink(text)).workspace;
    expect(Object.is(ws.seed, 0)).toBe(true);
    expect(JSON.parse(JSON.stringify(ws))).toEqual(ws);
  });

  it('accepts the untouched links the corpus was made from', () => {
    expect(decodeWorkspaceLink(LINK).workspace).toEqual(WS);
    expect(decodeWorkspaceLink(craftLink(HEADER, PAYLOAD)).weightBits).toBe(8);
    expect(decodeWorkspaceLink(craftLink(EXACT_HEADER, EXACT_PAYLOAD)).weightBits).toBe(32);
  });
});
