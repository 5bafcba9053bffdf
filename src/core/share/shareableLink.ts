import { LinkError } from '../errors.ts';
import type { NetworkWeights } from '../network/weights.ts';
import type { Workspace } from '../spec/workspace.ts';
import { encodeWorkspaceLink, type EncodedLink } from './linkCodec.ts';

/**
 * The link to share a workspace with: its trained weights when the codec takes them, else the
 * workspace alone with the reason the weights stayed out (a share never fails for its weights).
 * Throws LinkError 'size' when no link can hold the workspace itself.
 */
export function encodeForSharing(ws: Workspace, weights: NetworkWeights | undefined): EncodedLink {
  try {
    return encodeWorkspaceLink(ws, weights);
  } catch (e) {
    if (!(e instanceof LinkError) || e.stage !== 'weights' || !weights) throw e;
    return { ...encodeWorkspaceLink(ws), reason: `the trained weights cannot go in a link: ${e.reason}` };
  }
}
