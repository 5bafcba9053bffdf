import { useRef, useState } from 'react';
import { openWorkspaceFile, saveWorkspaceFile } from '../../share/workspaceFileIo.ts';
import { useStore } from '../../store/index.ts';

/** Save the workspace (with trained weights) as a file, or open one; refusals are explained. */
export function WorkspaceFileControls() {
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ ok: boolean; message: string } | null>(null);
  const ready = useStore((s) => s.workspace !== null);
  const open = async (file: File) => setMessage(await openWorkspaceFile(useStore, file));
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
      {message ? (
        <span className={message.ok ? 'hint' : 'field-error'} role={message.ok ? 'status' : 'alert'} data-testid="workspace-file-message">
          {message.message}
        </span>
      ) : null}
    </div>
  );
}
