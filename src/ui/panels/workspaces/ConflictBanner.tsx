import { useState } from 'react';
import { useStore } from '../../store/index.ts';
import { workspaceLibrary, type ConflictChoice } from '../../workspaces/workspaceLibrary.ts';

/**
 * Another tab saved (or deleted) the workspace shown here: this tab's autosave holds back until
 * the user chooses, so neither tab silently overwrites the other.
 */
export function ConflictBanner() {
  const conflict = useStore((s) => s.docConflict);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  if (!conflict) return message ? <p className="hint" role="status" data-testid="conflict-message">{message}</p> : null;
  const choose = async (c: ConflictChoice) => {
    const lib = workspaceLibrary();
    if (!lib) return;
    setBusy(true);
    try {
      setMessage(await lib.resolve(c));
    } finally {
      setBusy(false);
    }
  };
  const theirs = conflict.theirs;
  return (
    <div className="error-banner link-notice" role="alert" data-testid="conflict-banner">
      <span>
        {theirs
          ? `Another tab saved this workspace (‘${theirs.name}’) at ${new Date(theirs.savedAt).toLocaleTimeString('en-GB')}. This tab's edits are not saved until you choose:`
          : 'Another tab deleted this workspace. This tab’s version is not saved until you choose:'}
      </span>{' '}
      {theirs ? (
        <button type="button" disabled={busy} data-testid="conflict-theirs" onClick={() => void choose('theirs')} title="show the other tab's version here (undo brings this one back)">
          Load the other tab’s version
        </button>
      ) : null}{' '}
      <button type="button" disabled={busy} data-testid="conflict-copy" onClick={() => void choose('copy')} title="save this tab's version as a new workspace; the other stays as it is">
        Keep mine as a copy
      </button>{' '}
      <button type="button" disabled={busy} data-testid="conflict-mine" onClick={() => void choose('mine')}>
        {theirs ? 'Save mine over theirs' : 'Keep it (save again)'}
      </button>
    </div>
  );
}
