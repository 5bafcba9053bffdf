import { deflateSync, inflateSync, strToU8 } from 'fflate';
import { crc32 } from '../../src/core/data/checksum.ts';
import { bytesToBase64url, base64urlToBytes } from '../../src/core/share/base64url.ts';
import { packContainer, unpackContainer } from '../../src/core/share/linkContainer.ts';
import { formatFragment, readFragment } from '../../src/core/share/linkFragment.ts';

/**
 * Builders of hand-made (usually hostile) links for tests: they go through the same layers as a
 * real link, so each can break exactly one of them.
 */

/** A link whose container is these raw bytes (no CRC added: the bytes are taken as they are). */
export function linkOfContainer(container: Uint8Array): string {
  return formatFragment(bytesToBase64url(deflateSync(container)));
}

/** A link with a correct CRC around this header (JSON text, or bytes) and payload. */
export function craftLink(header: string | Uint8Array, payload: Uint8Array = new Uint8Array(0)): string {
  return linkOfContainer(packContainer({ header: typeof header === 'string' ? strToU8(header) : header, payload }));
}

/** The container bytes inside a real link (CRC included). */
export function containerOf(link: string): Uint8Array {
  return inflateSync(base64urlToBytes(readFragment(link)));
}

/** Header JSON text and payload of a real link. */
export function partsOf(link: string): { header: string; payload: Uint8Array } {
  const { header, payload } = unpackContainer(containerOf(link));
  return { header: new TextDecoder().decode(header), payload: payload.slice() };
}

/** These bytes followed by their correct CRC-32, so that whatever comes after the CRC check is what fails. */
export function sealed(bytes: readonly number[] | Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length + 4);
  out.set(bytes);
  new DataView(out.buffer).setUint32(bytes.length, crc32(out.subarray(0, bytes.length)), true);
  return out;
}
