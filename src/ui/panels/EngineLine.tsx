import { useCallback, useRef, useState } from 'react';
import { useStore } from '../store/index.ts';
import { usePopoverDismiss } from './usePopoverDismiss.ts';

/**
 * The engine in use and why (`tfjs-wasm · wasm: fallback (webgl unavailable: …)`), on one line of
 * the header, cut with an ellipsis when the header is narrow. A click or tap shows the whole
 * reason below the header: a touch screen has no hover title to read it from.
 */
export function EngineLine() {
  const info = useStore((s) => s.summary?.engine);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  usePopoverDismiss(open, close, root, button);
  const text = info ? `${info.name} · ${info.reason}` : '…';
  return (
    <span className="backend-line" ref={root}>
      <button type="button" ref={button} className="backend" data-testid="backend-label" title={info?.reason} aria-expanded={open} aria-label={`engine: ${text}; show the whole reason`} onClick={() => setOpen((o) => !o)}>
        {text}
      </button>
      {open ? (
        <span className="backend-full" role="note" data-testid="backend-full">
          {text}
        </span>
      ) : null}
    </span>
  );
}
