import { useEffect, type ReactNode } from 'react';
import { ErrorBanner } from './errors/ErrorBanner.tsx';
import { GraphEditor } from './graph/GraphEditor.tsx';
import { Inspector } from './graph/Inspector.tsx';
import { CenterTabs } from './panels/CenterTabs.tsx';
import { NeuronPlayground } from './panels/neuron/NeuronPlayground.tsx';
import { ChipView } from './panels/chip/ChipView.tsx';
import { DataPanel } from './panels/DataPanel.tsx';
import { Header } from './panels/Header.tsx';
import { MetricsPanel } from './panels/MetricsPanel.tsx';
import { LinkNotice } from './panels/share/LinkNotice.tsx';
import { LessonNotice } from './panels/lesson/LessonNotice.tsx';
import { LessonPanel } from './panels/lesson/LessonPanel.tsx';
import { PresenterMode } from './panels/lesson/PresenterMode.tsx';
import { ConflictBanner } from './panels/workspaces/ConflictBanner.tsx';
import { RecoveryNotices } from './panels/workspaces/RecoveryNotices.tsx';
import { TrainPanel } from './panels/TrainPanel.tsx';
import { StudyBackBar } from './panels/study/StudyBackBar.tsx';
import { StudyView } from './panels/study/StudyView.tsx';
import { panelStyle } from './layout/panelSizes.ts';
import { Splitter } from './layout/Splitter.tsx';
import './layout/layout.css';
import type { TrainClient } from '../../workers/trainClient.ts';
import type { RunController } from './runController.ts';
import { useStore } from './store/index.ts';
import { resultsStale } from './store/runSlice.ts';
import { StaleResultsNote } from './panels/StaleResultsNote.tsx';
import { RasterView } from './viz/raster/RasterView.tsx';
import { SignalView } from './viz/traces/SignalAndMembrane.tsx';
import { TraceStrip } from './viz/traces/TraceStrip.tsx';

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

/** A centre view under the tab bar; `panel` names its region for presenter mode (LESSON_PANELS). */
function UnderTabs({ panel, children }: { panel?: string; children: ReactNode }) {
  return (
    <>
      <div className="center-bar">
        <CenterTabs />
      </div>
      {panel ? (
        <div className="lesson-region" data-lesson-panel={panel}>
          {children}
        </div>
      ) : (
        children
      )}
    </>
  );
}

/**
 * The workbench: the data on the left; in the middle the network graph above the signal, raster
 * and read-out, or the chip mapping (tabs); the inspector, metrics and training on the right.
 * Splitters between them resize the columns and the graph (kept in this browser); at 800 px and
 * under the page is one column: the graph and plots first, then the inspector, then the data.
 */
export function App({ controller, trainClient }: { controller: RunController; trainClient: TrainClient }) {
  useUndoKeys();
  const ready = useStore((s) => s.workspace !== null);
  const centerView = useStore((s) => s.centerView);
  const stale = useStore(resultsStale);
  const sizes = useStore((s) => s.panelSizes);
  const presenting = useStore((s) => s.presenting && s.activeLesson !== null);
  const lessonOpen = useStore((s) => s.activeLesson !== null);
  // data-lesson-panel names the regions presenter mode shows or hides (LESSON_PANELS); the wrappers are display: contents.
  return (
    <div className="app" data-presenting={presenting ? '' : undefined}>
      <PresenterMode />
      <Header controller={controller} />
      <ErrorBanner />
      <LinkNotice />
      <LessonNotice />
      <ConflictBanner />
      <RecoveryNotices />
      {ready ? (
        <main className="workbench" style={panelStyle(sizes)}>
          <aside className="left" aria-label={lessonOpen ? 'Lesson and data' : 'Data'}>
            <LessonPanel />
            <div className="lesson-region" data-lesson-panel="data">
              <DataPanel />
            </div>
          </aside>
          <Splitter edge="left" />
          <div className="center">
            <StudyBackBar />
            {centerView === 'study' ? (
              <UnderTabs>
                <StudyView runner={trainClient} />
              </UnderTabs>
            ) : centerView === 'neuron' ? (
              <UnderTabs panel="neuron">
                <NeuronPlayground />
              </UnderTabs>
            ) : centerView === 'chip' ? (
              <UnderTabs panel="chip">
                <ChipView />
              </UnderTabs>
            ) : (
              <>
                <GraphEditor lead={<CenterTabs />} />
                <Splitter edge="graph" />
                <div className="center-spikes" role="tabpanel" id="panel-spikes" aria-labelledby="tab-spikes" data-stale={stale} data-lesson-panel="spikes">
                  <StaleResultsNote />
                  <SignalView />
                  <RasterView />
                  <TraceStrip />
                </div>
              </>
            )}
          </div>
          <Splitter edge="right" />
          <aside className="right" aria-label="Inspector, metrics and training">
            <div className="lesson-region" data-lesson-panel="inspector">
              <Inspector />
            </div>
            <div className="lesson-region" data-lesson-panel="metrics">
              <MetricsPanel controller={controller} />
            </div>
            <div className="lesson-region" data-lesson-panel="train">
              <TrainPanel client={trainClient} />
            </div>
          </aside>
        </main>
      ) : (
        <p className="loading">Loading the workspace…</p>
      )}
    </div>
  );
}
