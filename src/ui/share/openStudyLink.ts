import { LinkError } from '../../core/errors.ts';
import { readStudyLink, type StudyLink } from '../../core/share/studyLink.ts';
import { STUDIES } from '../../core/study/studyRegistry.ts';
import type { StudyDefinition } from '../../core/study/studyTypes.ts';
import type { useStore } from '../store/index.ts';
import { openStudy } from '../studyController.ts';
import { openLink } from './openLink.ts';

/** What a link did: whether it replaced the workspace, and whether it opened a study. */
export interface LinkOutcome {
  readonly workspace: boolean;
  readonly study: boolean;
}

/** True when a URL fragment carries a workspace link (`#w=…`, possibly among other parameters). */
export function hashHasWorkspace(hash: string): boolean {
  return /^#?(?:[^&]*&)*w=/.test(hash);
}

/**
 * Opens a link that may name a study (`#w=…&study=…&sw=…`, or `#study=…` alone). The study part
 * is read first: an unknown or hostile study, or a changed workspace that does not fit it,
 * refuses the whole link with a notice (stage 'study', or the stage its workspace failed at) and
 * nothing changes. Then the workspace, if any, opens as any link's (undoable), and the study opens
 * in the Study tab with the author's changed workspaces.
 */
export function openLinkWithStudy(store: typeof useStore, text: string, studies: Readonly<Record<string, StudyDefinition>> = STUDIES): LinkOutcome {
  let study: StudyLink | null;
  try {
    study = readStudyLink(text, studies);
  } catch (e) {
    const notice = e instanceof LinkError ? { stage: e.stage, reason: e.reason } : { stage: 'study' as const, reason: `the study could not be read: ${String(e)}` };
    store.getState().setLinkNotice({ kind: 'refused', ...notice });
    return { workspace: false, study: false };
  }
  const hash = text.includes('#') ? text.slice(text.indexOf('#')) : text;
  const workspace = hashHasWorkspace(hash) ? openLink(store, text) : false;
  if (hashHasWorkspace(hash) && !workspace) return { workspace, study: false };
  if (study) openStudy(store, study.study, study.workspaces, studies);
  return { workspace, study: study !== null };
}
