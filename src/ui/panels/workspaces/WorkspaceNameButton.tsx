import { useEffect, useRef, useState } from 'react';
import { useStore } from '../../store/index.ts';
import { renameWorkspace } from '../../workspaces/renameWorkspace.ts';

/**
 * The name of the workspace shown, in the header. A button: click it (or Enter / Space on it) to
 * rename in place; Enter or leaving the field keeps the new name, Escape drops it. Focus returns
 * to the button, so the keyboard user is where they were.
 */
export function WorkspaceNameButton() {
  const name = useStore((s) => s.workspace?.name);
  const [draft, setDraft] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const refocus = useRef(false);
  const editing = draft !== null;
  useEffect(() => {
    if (editing) {
      input.current?.focus();
      input.current?.select();
    } else if (refocus.current) {
      refocus.current = false;
      button.current?.focus();
    }
  }, [editing]);
  if (name === undefined) return null;
  const finish = (keep: boolean, returnFocus: boolean) => {
    if (draft === null) return;
    refocus.current = returnFocus;
    setRefusal(keep ? renameWorkspace(useStore, draft) : null);
    setDraft(null);
  };
  if (draft === null)
    return (
      <span className="workspace-title">
        <button type="button" ref={button} data-testid="header-workspace-name" title="the workspace shown: click to rename" aria-label={`workspace ${name}: rename`} onClick={() => setDraft(name)}>
          {name}
        </button>
        {refusal ? (
          <span className="autosave-error" role="alert" data-testid="header-workspace-name-error">
            {refusal}
          </span>
        ) : null}
      </span>
    );
  return (
    <span className="workspace-title">
      <input
        ref={input}
        data-testid="header-workspace-name-input"
        aria-label="name of this workspace"
        value={draft}
        maxLength={200}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => finish(true, false)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' && e.key !== 'Escape') return;
          // Else the key's own keypress would reach the button that takes focus back, and click it.
          e.preventDefault();
          finish(e.key === 'Enter', true);
        }}
      />
    </span>
  );
}
