import type { NetworkWeights } from '../../core/network/weights.ts';
import { MAX_LINK_CHARS, type EncodedLink } from '../../core/share/linkCodec.ts';
import { encodeStudyParams } from '../../core/share/studyLink.ts';
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

/** A share link that also opens a study: the changed workspaces it could not carry, by key. */
export interface StudyShareLink extends ShareLink {
  readonly study?: { readonly id: string; readonly left: readonly string[] };
}

/**
 * The link with the open study appended (`&study=<id>&sw=…`), the study's changed workspaces
 * going in while the whole fragment stays within MAX_LINK_CHARS. Without a study, the link as is.
 */
export function withStudy(link: ShareLink, study: { readonly id: string; readonly workspaces: Readonly<Record<string, Workspace>> } | null): StudyShareLink {
  if (!study) return link;
  const params = encodeStudyParams(study.id, study.workspaces, MAX_LINK_CHARS - link.chars - 1);
  return { ...link, url: `${link.url}&${params.fragment}`, chars: link.chars + 1 + params.fragment.length, study: { id: study.id, left: params.left } };
}
