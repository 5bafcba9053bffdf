import { LinkError } from '../../core/errors.ts';
import type { NetworkWeights } from '../../core/network/weights.ts';
import { encodeWorkspaceLink, type EncodedLink } from '../../core/share/linkCodec.ts';
import type { Workspace } from '../../core/spec/workspace.ts';

/** An encoded link with the full URL to copy. */
export interface ShareLink extends EncodedLink {
  /** `origin + path + '#' + fragment`: the query (e.g. `?test`) is not part of what is shared. */
  readonly url: string;
}

/**
 * Encodes the workspace (and trained weights when they fit the budget) as a URL for this page.
 * Weights the codec refuses outright do not stop the share: the link carries the workspace and
 * says why the weights are missing. Throws LinkError 'size' when no link can hold the workspace.
 */
export function buildShareLink(ws: Workspace, weights: NetworkWeights | undefined, page: { readonly origin: string; readonly pathname: string }): ShareLink {
  let link: EncodedLink;
  try {
    link = encodeWorkspaceLink(ws, weights);
  } catch (e) {
    if (!(e instanceof LinkError) || e.stage !== 'weights' || !weights) throw e;
    link = { ...encodeWorkspaceLink(ws), reason: `the trained weights cannot go in a link: ${e.reason}` };
  }
  return { ...link, url: `${page.origin}${page.pathname}#${link.fragment}` };
}
