import type { NetworkWeights } from '../../core/network/weights.ts';
import type { EncodedLink } from '../../core/share/linkCodec.ts';
import { encodeForSharing } from '../../core/share/shareableLink.ts';
import type { Workspace } from '../../core/spec/workspace.ts';

/** An encoded link with the full URL to copy. */
export interface ShareLink extends EncodedLink {
  /** `origin + path + '#' + fragment`: the query (e.g. `?test`) is not part of what is shared. */
  readonly url: string;
}

/** The page's URL for an encoded link. */
export function shareUrl(link: EncodedLink, page: { readonly origin: string; readonly pathname: string }): ShareLink {
  return { ...link, url: `${page.origin}${page.pathname}#${link.fragment}` };
}

/**
 * Encodes the workspace (and trained weights when they fit the budget) as a URL for this page, on
 * the calling thread (the page asks the worker instead: SimApi.encodeLink). Throws LinkError
 * 'size' when no link can hold the workspace.
 */
export function buildShareLink(ws: Workspace, weights: NetworkWeights | undefined, page: { readonly origin: string; readonly pathname: string }): ShareLink {
  return shareUrl(encodeForSharing(ws, weights), page);
}
