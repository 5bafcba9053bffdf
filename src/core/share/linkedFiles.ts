import type { Workspace } from '../spec/workspace.ts';

/** A user's file a workspace needs: the receiver of a link is asked to drop it, and told if it differs. */
export interface LinkedFile {
  readonly name: string;
  /** `crc32:<hex>:<bytes>` (data/checksum.ts), compared with the dropped file's. */
  readonly checksum: string;
}

/**
 * The dropped files a workspace refers to. Built-in sources need none (they are regenerated from
 * generator and seed); the list is derived from the workspace rather than stored beside it, so the
 * two can never disagree.
 */
export function linkedFiles(ws: Workspace): LinkedFile[] {
  const d = ws.data;
  if (d.kind === 'signal-file' || d.kind === 'event-file' || d.kind === 'image-file') return [{ name: d.file, checksum: d.checksum }];
  return [];
}
