import type { KeyboardEvent } from 'react';
import { useStore } from '../store/index.ts';
import type { CenterView } from '../store/viewSlice.ts';
import { backToStudy } from '../studyController.ts';

const TABS: readonly { readonly id: CenterView; readonly label: string }[] = [
  { id: 'neuron', label: 'Neuron' },
  { id: 'spikes', label: 'Spikes' },
  { id: 'chip', label: 'Chip' },
];
/** Shown while a study is open. */
const STUDY_TAB = { id: 'study', label: 'Study' } as const;

/**
 * Tabs that switch the centre between the spike views, the chip mapping and the open study
 * (WAI-ARIA tabs: the selected tab is the one tab stop, ← → move between tabs and select them).
 * Going to the study keeps a study row's changed workspace for its next run (studyController).
 */
export function CenterTabs() {
  const view = useStore((s) => s.centerView);
  const studyOpen = useStore((s) => s.studyId !== null);
  const tabs = studyOpen ? [...TABS, STUDY_TAB] : TABS;
  const select = (id: CenterView) => (id === 'study' ? backToStudy(useStore) : useStore.getState().setCenterView(id));
  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const i = tabs.findIndex((t) => t.id === view);
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : (i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length;
    const tab = tabs[next];
    if (!tab) return;
    select(tab.id);
    document.getElementById(`tab-${tab.id}`)?.focus();
  };
  return (
    <div className="center-tabs" role="tablist" aria-label="Centre view">
      {tabs.map((t) => (
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
