import { useEffect, useState } from 'react';
import { useStore } from '../store/index.ts';
import type { HeaderNotice } from '../store/noticeSlice.ts';
import { ErrorDetails } from '../errors/ErrorDetails.tsx';

/** How long a notice that reports success stays in the header; an error stays until dismissed. */
export const NOTICE_EXPIRY_MS = 12_000;

function NoticeLine({ notice, onOpen, open }: { notice: HeaderNotice; onOpen?: () => void; open?: boolean }) {
  // On the one-line header the text opens the list, where the details fold is (it would not fit here).
  const details = onOpen ? null : <ErrorDetails detail={notice.detail} />;
  return (
    <span className={`header-notice${notice.error ? ' header-notice-error' : ''}`} role={notice.error ? 'alert' : 'status'}>
      {onOpen ? (
        <button type="button" className="header-notice-text" data-testid={`${notice.source}-message`} title={notice.text} aria-expanded={open} onClick={onOpen}>
          {notice.text}
        </button>
      ) : (
        <span className="header-notice-text" data-testid={`${notice.source}-message`}>
          {notice.text}
        </span>
      )}
      <button type="button" className="header-notice-dismiss" aria-label="dismiss this notice" title="dismiss" onClick={() => useStore.getState().dismissNotice(notice.source)}>
        ×
      </button>
      {details}
    </span>
  );
}

/**
 * The notices area of the header: the newest notice on one line (a click, or “+N”, lists them
 * all in full below the header), × dismisses one, and a success notice expires by itself.
 */
export function HeaderNotices() {
  const notices = useStore((s) => s.notices);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const timers = notices.filter((n) => !n.error).map((n) => setTimeout(() => useStore.getState().dismissNotice(n.source), Math.max(0, n.at + NOTICE_EXPIRY_MS - Date.now())));
    return () => timers.forEach(clearTimeout);
  }, [notices]);
  useEffect(() => {
    if (notices.length === 0) setOpen(false);
  }, [notices.length]);
  const newest = notices.at(-1);
  if (!newest) return null;
  const toggle = () => setOpen((o) => !o);
  return (
    <div className="header-notices" data-testid="header-notices">
      {open ? null : <NoticeLine notice={newest} onOpen={toggle} open={false} />}
      {notices.length > 1 || open ? (
        <button type="button" className="header-notice-more" aria-expanded={open} onClick={toggle} data-testid="notices-toggle">
          {open ? 'hide notices' : `+${notices.length - 1}`}
        </button>
      ) : null}
      {open ? (
        <div className="header-notice-list" data-testid="notice-list">
          {[...notices].reverse().map((n) => (
            <NoticeLine key={n.source} notice={n} />
          ))}
        </div>
      ) : null}
    </div>
  );
}
