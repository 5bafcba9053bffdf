import { LinkError } from '../errors.ts';

/** The URL-fragment parameter that holds the workspace: `#w=v1.…`. */
export const LINK_PARAM = 'w';

/** The link format this code writes and reads (not the workspace schema version). */
export const LINK_CODEC_VERSION = 1;

/** `w=v1.<body>`: the fragment (without '#') a link carries. */
export function formatFragment(body: string): string {
  return `${LINK_PARAM}=v${LINK_CODEC_VERSION}.${body}`;
}

/**
 * Finds the workspace value in whatever the user pasted: a whole URL (`https://…/#w=v1.…`), a
 * fragment with or without '#' (other `&`-separated parameters are ignored), or the bare
 * `v1.…` value, and returns its base64url body. Refuses with LinkError 'prefix' when there is
 * none and 'version' when the link format is not one this code reads.
 */
export function readFragment(text: string): string {
  const trimmed = text.trim();
  const hash = trimmed.indexOf('#');
  const fragment = hash >= 0 ? trimmed.slice(hash + 1) : trimmed;
  const param = fragment.split('&').find((p) => p.startsWith(`${LINK_PARAM}=`));
  const value = param !== undefined ? param.slice(LINK_PARAM.length + 1) : fragment;
  const m = /^v(\d{1,9})\./.exec(value);
  if (!m) throw new LinkError('prefix', `this is not a Spikelab workspace link: expected '#${LINK_PARAM}=v${LINK_CODEC_VERSION}.' followed by the workspace`);
  const digits = m[1] ?? '';
  const version = Number(digits);
  // One spelling per version: 'v01' is not 'v1' (a reader that accepts both reads what no writer wrote).
  if (String(version) !== digits) throw new LinkError('version', `the link's format 'v${digits}' is not a version as Spikelab writes it (no leading zeros); this Spikelab reads v${LINK_CODEC_VERSION}`);
  if (version !== LINK_CODEC_VERSION) {
    const why = version > LINK_CODEC_VERSION ? 'made by a newer Spikelab' : 'not a format Spikelab ever wrote';
    throw new LinkError('version', `the link uses format v${version} (${why}); this Spikelab reads v${LINK_CODEC_VERSION}`);
  }
  return value.slice(m[0].length);
}
