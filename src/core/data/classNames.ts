import type { Workspace } from '../spec/workspace.ts';
import { AAMI_CLASSES } from './datasets/aami.ts';
import { sourceClasses } from './sources/index.ts';

/**
 * The class names of a workspace's read-out, in label order, as its training names them
 * (trainingSets/workspaceSets.ts: the AAMI beat classes for heartbeats, the source's classes for
 * 'source-classes'), without building any set; undefined without a training section or for a
 * source without named classes.
 */
export function workspaceClassNames(ws: Workspace): readonly string[] | undefined {
  if (!ws.training) return undefined;
  if (ws.training.dataset.kind === 'source-classes') return sourceClasses(ws.data.kind)?.values.map(String);
  return AAMI_CLASSES;
}
