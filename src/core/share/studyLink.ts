import { LinkError } from '../errors.ts';
import { quoteInput } from '../format/inputText.ts';
import type { Workspace } from '../spec/workspace.ts';
import type { StudyDefinition } from '../study/studyTypes.ts';
import { decodeWorkspaceLink, encodeWorkspaceLink, MAX_LINK_CHARS } from './linkCodec.ts';

/** The fragment parameter naming the study a link opens: `#study=sparrowsnn`. */
export const STUDY_PARAM = 'study';
/** One per changed workspace of the study: `sw=<key, URI-encoded>:v1.<workspace link body>`. */
export const STUDY_WORKSPACE_PARAM = 'sw';
/** How a study id is spelled (studyRegistry.ts): anything else is refused before it is looked up. */
const STUDY_ID = /^[a-z][a-z0-9-]{0,39}$/;
/** Most changed workspaces a link may carry: a study has a handful of systems. */
const MAX_STUDY_WORKSPACES = 16;

/** What a study link holds: the study's id and the workspaces the author changed, by `${task}/${system}`. */
export interface StudyLink {
  readonly study: string;
  readonly workspaces: Readonly<Record<string, Workspace>>;
}

/** The `&`-separated parameters of a URL's fragment (or of a bare fragment). */
function fragmentParams(text: string): string[] {
  const hash = text.indexOf('#');
  return (hash >= 0 ? text.slice(hash + 1) : text).split('&');
}

/** True when a URL or fragment names a study (`study=…` among its parameters). */
export function hasStudyParam(text: string): boolean {
  return fragmentParams(text).some((p) => p.startsWith(`${STUDY_PARAM}=`));
}

/** The row keys of a definition's systems (`${task}/${system}`), as the page builds them. */
export function studySystemKeys(def: StudyDefinition): Set<string> {
  return new Set(def.tasks({ has: () => false, quick: true }).flatMap((t) => t.systems.map((s) => `${t.id}/${s.system}`)));
}

/**
 * Reads the study part of a link: null when it names no study; else the study (which must be one
 * of `studies`) and its changed workspaces, each decoded as a workspace link is (size cap,
 * inflate, validation, migration) and keyed by one of the study's systems. Anything else is
 * refused with LinkError 'study' (or the stage a workspace failed at): nothing is half-opened.
 */
export function readStudyLink(text: string, studies: Readonly<Record<string, StudyDefinition>>): StudyLink | null {
  if (typeof text !== 'string') throw new LinkError('prefix', 'a link is text');
  if (text.length > MAX_LINK_CHARS + 4096) throw new LinkError('size', `the link is ${text.length} characters; links are at most ${MAX_LINK_CHARS}`);
  const params = fragmentParams(text);
  const named = params.filter((p) => p.startsWith(`${STUDY_PARAM}=`)).map((p) => p.slice(STUDY_PARAM.length + 1));
  if (named.length === 0) return null;
  if (named.length > 1) throw new LinkError('study', 'the link names more than one study');
  const id = named[0] ?? '';
  const known = Object.keys(studies).join(', ') || 'none yet';
  if (!STUDY_ID.test(id)) throw new LinkError('study', `'${quoteInput(id, 40)}' is not a study name; the studies are ${known}`);
  const def = Object.hasOwn(studies, id) ? studies[id] : undefined;
  if (!def) throw new LinkError('study', `this Spikelab has no study '${id}'; the studies are ${known}`);
  const changed = params.filter((p) => p.startsWith(`${STUDY_WORKSPACE_PARAM}=`)).map((p) => p.slice(STUDY_WORKSPACE_PARAM.length + 1));
  if (changed.length > MAX_STUDY_WORKSPACES) throw new LinkError('study', `the link carries ${changed.length} changed workspaces; a study link carries at most ${MAX_STUDY_WORKSPACES}`);
  const keys = studySystemKeys(def);
  const workspaces: Record<string, Workspace> = {};
  for (const value of changed) {
    const colon = value.indexOf(':');
    let key: string;
    try {
      key = decodeURIComponent(value.slice(0, Math.max(0, colon)));
    } catch {
      throw new LinkError('study', 'a changed workspace\'s system name is not URI-encoded text');
    }
    if (colon < 0 || !keys.has(key)) throw new LinkError('study', `the study '${id}' has no system '${quoteInput(key, 80)}' (its systems: ${[...keys].join('; ')})`);
    if (Object.hasOwn(workspaces, key)) throw new LinkError('study', `the link changes '${key}' twice`);
    workspaces[key] = decodeWorkspaceLink(value.slice(colon + 1)).workspace;
  }
  return { study: id, workspaces };
}

/** The study part of a share link, and the changed workspaces that did not fit. */
export interface StudyLinkParams {
  /** `study=<id>` and the `sw=…` parameters that fit, joined with '&'. */
  readonly fragment: string;
  /** Keys of changed workspaces left out: the link would have been longer than `maxChars`. */
  readonly left: readonly string[];
}

/**
 * Encodes the study part of a link: its id, then each changed workspace (without weights) while
 * the whole stays within `maxChars` (the rest of the link counted by the caller), smallest first
 * so as many as possible travel.
 */
export function encodeStudyParams(study: string, workspaces: Readonly<Record<string, Workspace>>, maxChars: number): StudyLinkParams {
  let fragment = `${STUDY_PARAM}=${study}`;
  const coded = Object.entries(workspaces)
    .map(([key, ws]) => ({ key, param: `${STUDY_WORKSPACE_PARAM}=${encodeURIComponent(key)}:${encodeWorkspaceLink(ws).fragment.replace(/^w=/, '')}` }))
    .sort((a, b) => a.param.length - b.param.length);
  const left: string[] = [];
  for (const c of coded) {
    if (fragment.length + 1 + c.param.length <= maxChars) fragment += `&${c.param}`;
    else left.push(c.key);
  }
  return { fragment, left };
}
