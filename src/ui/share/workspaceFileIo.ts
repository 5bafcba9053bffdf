import { SpecError } from '../../core/errors.ts';
import { MAX_WORKSPACE_FILE_CHARS, parseWorkspaceFile, serializeWorkspaceFile } from '../../core/share/workspaceFile.ts';
import { download, fileBase } from '../modelDownload.ts';
import { currentWeights } from '../runController.ts';
import type { useStore } from '../store/index.ts';
import { refusal, replaceWorkspace } from './replaceWorkspace.ts';
import { explainError } from '../../../workers/explainError.ts';

/** Downloads the workspace, with its trained weights at full precision when they fit the network. */
export function saveWorkspaceFile(store: typeof useStore): void {
  const ws = store.getState().workspace;
  if (!ws) return;
  const weights = currentWeights(store, ws);
  download(`${fileBase(ws.name, 'workspace')}.workspace.json`, serializeWorkspaceFile(weights ? { workspace: ws, weights } : { workspace: ws }));
}

/**
 * Opens a workspace (or model) file: validated like a link, then replacing the workspace (undo
 * returns). Resolves to a sentence for the user; a refused file leaves everything unchanged.
 */
export async function openWorkspaceFile(store: typeof useStore, file: File): Promise<{ ok: boolean; message: string; detail?: string }> {
  // UTF-16 units are at least one byte each, so a larger file cannot pass the character cap.
  if (file.size > MAX_WORKSPACE_FILE_CHARS) return { ok: false, message: `${file.name} is ${file.size} bytes; workspace files are at most ${MAX_WORKSPACE_FILE_CHARS}` };
  try {
    const { workspace, weights } = parseWorkspaceFile(await file.text());
    if (!replaceWorkspace(store, workspace, weights, `open ${file.name}`)) return { ok: false, message: `${file.name} was not opened (${refusal(store)}); the workspace is unchanged` };
    return { ok: true, message: `opened ${file.name}${weights ? ' with its trained weights' : ''}` };
  } catch (e) {
    const shown = explainError(e, `reading ${file.name.slice(0, 80)}`);
    if (shown.detail !== undefined) return { ok: false, message: shown.message, detail: shown.detail };
    const why = e instanceof SpecError ? `${e.jsonPath}: ${e.message}` : shown.message;
    return { ok: false, message: `${file.name} was not opened (${why}); the workspace is unchanged` };
  }
}
