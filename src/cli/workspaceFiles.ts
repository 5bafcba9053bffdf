import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createFileStore, type FileStore } from '../core/data/fileStore.ts';
import type { Workspace } from '../core/spec/workspace.ts';
import { UsageError } from './io.ts';

/** A file's name without its last extension: a WFDB record's .hea, .dat and .atr share it. */
function stem(name: string): string {
  return name.replace(/\.[^.]*$/, '');
}

/**
 * The file a file-source workspace reads (`data.file`), from `--data PATH`: that file itself, or
 * the folder holding it. Files sharing its stem come along (a WFDB header brings its .dat and .atr).
 * It must be the very file the workspace was made with (same checksum), as in the page. The store
 * lists what was read, with each record's warnings.
 */
export function workspaceFiles(ws: Workspace, path: string): FileStore {
  const source = ws.data;
  if (!('file' in source)) throw new UsageError(`--data gives the file a file-source workspace reads; this workspace's source is '${source.kind}', which needs none`);
  let dir: string;
  try {
    dir = statSync(path).isDirectory() ? path : dirname(path);
  } catch {
    throw new UsageError(`cannot read '${path}'`);
  }
  const wanted = stem(basename(source.file));
  const names = readdirSync(dir).filter((n) => stem(n) === wanted);
  if (!names.includes(basename(source.file))) throw new UsageError(`this workspace reads '${source.file}', which is not in '${dir}'`);
  const store = createFileStore();
  store.add(names.map((n) => ({ name: n, bytes: new Uint8Array(readFileSync(join(dir, n))) })));
  if (!store.get(source.checksum)) {
    const found = store.list().find((r) => r.name === source.file)?.checksum ?? 'another checksum';
    throw new UsageError(`'${join(dir, source.file)}' is not the file this workspace was made with: it has ${found}, the workspace names ${source.checksum}`);
  }
  return store;
}
