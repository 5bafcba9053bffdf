import { useRef } from 'react';
import { openWorkspaceFile, saveWorkspaceFile } from '../../share/workspaceFileIo.ts';
import { useStore } from '../../store/index.ts';

/** Save the workspace (with trained weights) as a file, or open one; refusals are explained. */
export function WorkspaceFileControls() {
  const input = useRef<HTMLInputElement>(null);
  const ready = useStore((s) => s.workspace !== null);
  const open = async (file: File) => {
    const outcome = await openWorkspaceFile(useStore, file);
    useStore.getState().showNotice('workspace-file', outcome.message, !outcome.ok, outcome.detail);
  };
  return (
    <div className="model-file">
      <button type="button" disabled={!ready} onClick={() => saveWorkspaceFile(useStore)} data-testid="save-workspace" title="download the workspace and its trained weights as one JSON file">
        Save workspace
      </button>
      <button type="button" onClick={() => input.current?.click()} title="open a workspace or model file">
        Open workspace…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="workspace-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void open(f);
        }}
      />
    </div>
  );
}
