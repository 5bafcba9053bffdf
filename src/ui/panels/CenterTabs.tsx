import type { KeyboardEvent } from 'react';
import { useStore } from '../store/index.ts';

const TABS = [
  { id: 'spikes', label: 'Spikes' },
  { id: 'chip', label: 'Chip' },
] as const;

/**
 * Tabs that switch the centre between the spike views and the chip mapping (WAI-ARIA tabs: the
 * selected tab is the one tab stop, ← → move between tabs and select them).
 */
export function CenterTabs() {
  const view = useStore((s) => s.centerView);
  const select = (id: (typeof TABS)[number]['id']) => useStore.getState().setCenterView(id);
  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const i = TABS.findIndex((t) => t.id === view);
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : (i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length;
    const tab = TABS[next];
    if (!tab) return;
    select(tab.id);
    document.getElementById(`tab-${tab.id}`)?.focus();
  };
  return (
    <div className="center-tabs" role="tablist" aria-label="Centre view">
      {TABS.map((t) => (
        <button
          key={t.id}
          id={`tab-${t.id}`}
          type="button"
          role="tab"
          data-testid={`tab-${t.id}`}
          aria-selected={view === t.id}
          aria-controls={`panel-${t.id}`}
          tabIndex={view === t.id ? 0 : -1}
          onClick={() => select(t.id)}
          onKeyDown={onKey}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
