import { useState } from 'react';
import { useStore } from '../../store/index.ts';
import type { RecoveryNotice } from '../../store/recoverySlice.ts';
import { workspaceLibrary } from '../../workspaces/workspaceLibrary.ts';

function RecoveryLine({ notice }: { notice: RecoveryNotice }) {
  const [outcome, setOutcome] = useState('');
  const damaged = notice.damaged;
  const lib = workspaceLibrary();
  return (
    <div className="error-banner link-notice recovery-notice" role="alert" data-testid="damage-notice">
      <span>{notice.text}</span>{' '}
      {damaged && lib ? (
        <button type="button" data-testid="damage-download" onClick={() => void lib.downloadDamaged(damaged.place, damaged.key, damaged.name).then(setOutcome)}>
          Download the damaged copy
        </button>
      ) : null}{' '}
      <button type="button" data-testid="damage-dismiss" onClick={() => useStore.getState().dismissRecovery(notice.id)} title="hide this message (the kept copy stays; the Workspaces dialog lists it)">
        Dismiss
      </button>{' '}
      {outcome ? <span role="status">{outcome}</span> : null}
    </div>
  );
}

/**
 * Work the page kept instead of losing it (a damaged save, an edit another tab overwrote), one
 * banner each under the header. They stay until dismissed: an autosave right after boot used to
 * replace such a message with "saved" within a second.
 */
export function RecoveryNotices() {
  const notices = useStore((s) => s.recoveries);
  return (
    <>
      {notices.map((n) => (
        <RecoveryLine key={n.id} notice={n} />
      ))}
    </>
  );
}
