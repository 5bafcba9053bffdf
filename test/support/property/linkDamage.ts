import fc from 'fast-check';
import { base64urlToBytes, bytesToBase64url } from '../../../src/core/share/base64url.ts';
import { formatFragment, readFragment } from '../../../src/core/share/linkFragment.ts';
import { containerOf, craftLink, linkOfContainer, partsOf, sealed } from '../linkCraft.ts';
import { applyMutations, mutationsArb, type Mutation } from './byteMutations.ts';

/**
 * Damage to a real link at one layer of the decoder: its text, its compressed bytes, its
 * container (CRC recomputed, so the damage reaches what comes after), or its JSON header text
 * (re-packed, so it reaches the workspace and weights checks).
 */
export type LinkLayer = 'text' | 'compressed' | 'container' | 'header' | 'payload';

export interface LinkDamage {
  readonly link: number;
  readonly layer: LinkLayer;
  readonly mutations: Mutation[];
}

export const linkDamageArb = (links: number): fc.Arbitrary<LinkDamage> =>
  fc.record({ link: fc.nat({ max: links - 1 }), layer: fc.constantFrom<LinkLayer>('text', 'compressed', 'container', 'header', 'payload'), mutations: mutationsArb() });

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
// One character per byte either way (windows-1252 for 0x80–0x9F, which is fine for damaged text).
const text = (b: Uint8Array) => new TextDecoder('latin1').decode(b);

/** The damaged link. */
export function damagedLink(link: string, d: LinkDamage): string {
  const m = (b: Uint8Array) => applyMutations(b, d.mutations);
  switch (d.layer) {
    case 'text':
      return text(m(latin1(link)));
    case 'compressed':
      return formatFragment(bytesToBase64url(m(base64urlToBytes(readFragment(link)))));
    case 'container':
      return linkOfContainer(sealed(m(containerOf(link).subarray(0, -4))));
    case 'header': {
      const { header, payload } = partsOf(link);
      return craftLink(m(new TextEncoder().encode(header)), payload);
    }
    case 'payload': {
      const { header, payload } = partsOf(link);
      return craftLink(header, m(payload));
    }
  }
}
