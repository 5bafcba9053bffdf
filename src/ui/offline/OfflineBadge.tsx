import { takeOver } from './registerOffline.ts';
import { useOfflineStatus } from './offlineStatus.ts';
import './offline.css';

/** A tray with an arrow into it: "stored in this browser". */
function StoredIcon() {
  return (
    <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d="M8 1.5v8M4.5 6.5 8 10l3.5-3.5M2 11v3h12v-3" />
    </svg>
  );
}

/**
 * Beside the title: whether this page would load with the network cut (an icon, its words for
 * screen readers and on hover: the header has no room for them at 1280 px), and a button when a
 * newer build waits to take over.
 */
export function OfflineBadge() {
  const s = useOfflineStatus();
  if (s.state === 'off') return null;
  if (s.state === 'update')
    return (
      <button type="button" className="offline-badge" data-testid="offline-status" data-state={s.state} onClick={() => void takeOver()} title={`A newer Spikelab (${s.files} files, version ${s.version}) is stored; the page reloads into it`}>
        New version: reload
      </button>
    );
  const [text, title] =
    s.state === 'ready'
      ? ['Works offline', `Works offline: every file of this Spikelab (${s.files}, version ${s.version}) is stored in this browser, so it loads without a network`]
      : s.state === 'storing'
        ? ['Storing for offline use…', 'Storing the site in this browser so it loads without a network']
        : ['Not stored for offline use', `Storing the site for offline use failed: ${s.why}`];
  return (
    <span className="offline-badge" data-testid="offline-status" data-state={s.state} role="status" title={title}>
      <StoredIcon />
      <span className="visually-hidden">{text}</span>
    </span>
  );
}
