import { useState, type KeyboardEvent } from 'react';
import { editLabel } from '../../../core/teach/playgroundEdits.ts';
import type { PlaygroundRun } from '../../../core/teach/playgroundRun.ts';
import { useStore } from '../../store/index.ts';
import { EquationBox } from './EquationBox.tsx';
import { FiCurveChart } from './FiCurveChart.tsx';
import { ModelPicker, ParamSliders } from './ModelAndParams.tsx';
import { PairControls } from './PairControls.tsx';
import { PatternButtons, type ShownPattern } from './PatternButtons.tsx';
import { PlaybackControls } from './PlaybackControls.tsx';
import { PlaygroundTraces } from './PlaygroundTraces.tsx';
import { usePlaygroundRun } from './usePlaygroundRun.ts';
import './neuron.css';

/** Undo and Redo of the playground's own edits (its history is not the workspace's). */
function HistoryButtons() {
  const past = useStore((s) => s.playgroundPast);
  const future = useStore((s) => s.playgroundFuture);
  const last = past[past.length - 1];
  const next = future[0];
  return (
    <div className="pg-history" role="group" aria-label="Playground history">
      <button type="button" data-testid="pg-undo" disabled={!last} title={last ? `Undo: ${editLabel(last.edit)} (Ctrl+Z)` : 'Nothing to undo'} onClick={() => useStore.getState().undoPlayground()}>
        Undo
      </button>
      <button type="button" data-testid="pg-redo" disabled={!next} title={next ? `Redo: ${editLabel(next.edit)} (Ctrl+Shift+Z)` : 'Nothing to redo'} onClick={() => useStore.getState().redoPlayground()}>
        Redo
      </button>
    </div>
  );
}

/** "N spikes in D ms (R Hz)", and the second neuron's count in the pair view. */
function SpikeCount({ run }: { run: PlaygroundRun }) {
  const ms = run.steps * run.dtMs;
  const hz = (n: number) => Math.round((n / ms) * 10000) / 10;
  return (
    <p className="pg-count" data-testid="pg-spike-count" aria-live="polite">
      {run.first.spikeCount} spikes in {ms} ms ({hz(run.first.spikeCount)} Hz)
      {run.second ? `; second neuron ${run.second.spikeCount} spikes (${hz(run.second.spikeCount)} Hz)` : ''}
    </p>
  );
}

/** Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y) inside the playground undo its edits, not the workspace's; text fields keep their own. */
function onUndoKeys(e: KeyboardEvent<HTMLDivElement>) {
  if (!(e.ctrlKey || e.metaKey) || (e.target instanceof HTMLInputElement && (e.target.type === 'number' || e.target.type === 'text'))) return;
  const k = e.key.toLowerCase();
  const st = useStore.getState();
  if (k === 'z' && !e.shiftKey) st.undoPlayground();
  else if ((k === 'z' && e.shiftKey) || k === 'y') st.redoPlayground();
  else return;
  e.preventDefault();
  e.stopPropagation();
}

/** The neuron playground (the 'neuron' centre view): one neuron or a pair, its input, its membrane, its equation and f–I curve. */
export function NeuronPlayground() {
  const { run, error } = usePlaygroundRun();
  const [shown, setShown] = useState<ShownPattern | null>(null);
  const inputMean = run ? run.first.input.reduce((a, b) => a + b, 0) / run.steps : 0;
  return (
    <div className="neuron-playground" role="tabpanel" id="panel-neuron" aria-labelledby="tab-neuron" data-testid="neuron-playground" onKeyDown={onUndoKeys}>
      <div className="pg-layout">
        <div className="pg-controls">
          <ModelPicker />
          <HistoryButtons />
          <ParamSliders />
          <PatternButtons run={run} shown={shown} onShow={setShown} />
          <PairControls />
        </div>
        <div className="pg-plots">
          <EquationBox />
          {run ? (
            <>
              <div className="pg-bar">
                <SpikeCount run={run} />
                <PlaybackControls run={run} />
              </div>
              <PlaygroundTraces run={run} />
              <FiCurveChart inputMean={inputMean} />
            </>
          ) : (
            <p className="error" role="alert">
              The playground cannot run: {error}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
