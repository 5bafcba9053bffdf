import { useEffect } from 'react';
import { ErrorBanner } from './errors/ErrorBanner.tsx';
import { GraphEditor } from './graph/GraphEditor.tsx';
import { Inspector } from './graph/Inspector.tsx';
import { CenterTabs } from './panels/CenterTabs.tsx';
import { ChipView } from './panels/chip/ChipView.tsx';
import { DataPanel } from './panels/DataPanel.tsx';
import { Header } from './panels/Header.tsx';
import { MetricsPanel } from './panels/MetricsPanel.tsx';
import { NetworkPanel } from './panels/NetworkPanel.tsx';
import { LinkNotice } from './panels/share/LinkNotice.tsx';
import { ConflictBanner } from './panels/workspaces/ConflictBanner.tsx';
import { RecoveryNotices } from './panels/workspaces/RecoveryNotices.tsx';
import { TrainPanel } from './panels/TrainPanel.tsx';
import type { TrainClient } from '../../workers/trainClient.ts';
import type { RunController } from './runController.ts';
import { useStore } from './store/index.ts';
import { resultsStale } from './store/runSlice.ts';
import { StaleResultsNote } from './panels/StaleResultsNote.tsx';
import { RasterView } from './viz/raster/RasterView.tsx';
import { MembraneView, SignalView } from './viz/traces/SignalAndMembrane.tsx';
import { ReadoutView } from './viz/traces/ReadoutView.tsx';

/** Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and redo, except while typing in a field. */
function useUndoKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || (e.target instanceof HTMLInputElement && e.target.type !== 'checkbox')) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) useStore.getState().undo();
      else if ((k === 'z' && e.shiftKey) || k === 'y') useStore.getState().redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/**
 * The workbench: network list and data on the left; in the middle the network graph above the
 * signal, raster and membrane, or the chip mapping (tabs); the inspector, metrics and training on
 * the right.
 */
export function App({ controller, trainClient }: { controller: RunController; trainClient: TrainClient }) {
  useUndoKeys();
  const ready = useStore((s) => s.workspace !== null);
  const centerView = useStore((s) => s.centerView);
  const stale = useStore(resultsStale);
  return (
    <div className="app">
      <Header controller={controller} />
      <ErrorBanner />
      <LinkNotice />
      <ConflictBanner />
      <RecoveryNotices />
      {ready ? (
        <main className="workbench">
          <aside className="left">
            <NetworkPanel />
            <DataPanel />
          </aside>
          <div className="center">
            <CenterTabs />
            {centerView === 'chip' ? (
              <ChipView />
            ) : (
              <>
              <GraphEditor />
              <div className="center-spikes" role="tabpanel" id="panel-spikes" aria-labelledby="tab-spikes" data-stale={stale}>
                <StaleResultsNote />
                <SignalView />
                <RasterView />
                <ReadoutView />
                <MembraneView />
              </div>
              </>
            )}
          </div>
          <aside className="right">
            <Inspector />
            <MetricsPanel />
            <TrainPanel client={trainClient} />
          </aside>
        </main>
      ) : (
        <p className="loading">Loading the workspace…</p>
      )}
    </div>
  );
}
