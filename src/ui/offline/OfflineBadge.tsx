import { takeOver } from './registerOffline.ts';
import { useOfflineStatus } from './offlineStatus.ts';
import './offline.css';

/** A small note in the header: whether this page would load with the network cut, and a newer build waiting to take over. */
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
      ? ['Works offline', `Every file of this Spikelab (${s.files}, version ${s.version}) is stored in this browser: it loads without a network`]
      : s.state === 'storing'
        ? ['Storing for offline…', 'Storing the site in this browser so it loads without a network']
        : ['Not stored offline', `Storing the site for offline use failed: ${s.why}`];
  return (
    <span className="offline-badge" data-testid="offline-status" data-state={s.state} role="status" title={title}>
      {text}
    </span>
  );
}
