import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TrainClient } from '../../../workers/trainClient.ts';
import { NumberField } from '../controls/NumberField.tsx';
import type { Workspace } from '../../core/spec/workspace.ts';
import { droppedTrainingBytes, droppedTrainingCount } from '../droppedFiles.ts';
import { showReply } from '../runController.ts';
import { useStore } from '../store/index.ts';
import { startTraining } from '../trainController.ts';
import { pageTrainingSize } from '../../core/train/pageTrainingSize.ts';
import { TrainingCurves } from '../viz/curves/TrainingCurves.tsx';
import { ConfusionMatrix } from './ConfusionMatrix.tsx';
import { TrainProgressLine } from './train/TrainProgressLine.tsx';
import { TrainSizeChoice } from './train/TrainSizeChoice.tsx';
import { ErrorDetails } from '../errors/ErrorDetails.tsx';
import { useClient } from '../clientContext.ts';
import { repeatOverSeeds, trainJobs, type TrainJobs } from '../repeatSeeds.ts';
import { RepeatSeeds } from './train/RepeatSeeds.tsx';
import { RunsTable } from './train/RunsTable.tsx';
import { useOverlaidRuns } from './train/useOverlaidRuns.ts';

/** Dropped recordings stand in for heartbeats (an ECG workspace) or for spoken digits (a digit source). */
function canUseDropped(ws: Workspace | null): boolean {
  return ws?.training?.dataset.kind === 'ecg-beats' || ws?.data.kind === 'synthetic-audio';
}

/** Train / pause / resume / stop with the size and its estimate, progress, ETA, live curves and the test confusion matrix. */
export function TrainPanel({ client }: { client: TrainClient }) {
  const training = useStore((s) => s.workspace?.training);
  const s = useStore(useShallow((st) => ({ status: st.trainStatus, epochs: st.epochs, error: st.trainError, errorDetail: st.trainErrorDetail, test: st.testMetrics, coverage: st.testCoverage, info: st.trainInfo, classes: st.testClasses, workspace: st.workspace, full: st.trainFull })));
  const [stopping, setStopping] = useState(false);
  const sim = useClient();
  const jobs = useRef<TrainJobs | null>(null);
  jobs.current ??= trainJobs(client);
  const repeat = useStore((st) => st.repeat);
  const overlaid = useOverlaidRuns();
  const [picked, setPicked] = useState<{ cell: readonly [number, number]; nth: number } | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const [useDropped, setUseDropped] = useState(true);
  // Re-read when files are loaded: the count of dropped WFDB / WAV files lives outside the store.
  useStore((st) => st.files.length);
  const droppedCount = droppedTrainingCount();
  if (!training) return null;
  // A cell clicked again steps to its next sample.
  const pick = async (trueClass: number, predicted: number) => {
    const nth = picked && picked.cell[0] === trueClass && picked.cell[1] === predicted ? picked.nth + 1 : 0;
    setPicked({ cell: [trueClass, predicted], nth });
    try {
      const reply = await client.sample(trueClass, predicted, nth, useStore.getState().testClasses);
      setPickError(null);
      showReply(useStore, reply, reply.source.kind === 'sample' ? reply.source.caption : undefined);
    } catch (e) {
      setPickError(e instanceof Error ? e.message : String(e));
    }
  };
  const setCfg = (key: string, v: unknown) => useStore.getState().edit(`training.${key}`, (d) => void ((d['training'] as Record<string, unknown>)[key] = v));
  const trainer = jobs.current;
  const dropped = async () => (useDropped && canUseDropped(useStore.getState().workspace) && droppedCount > 0 ? droppedTrainingBytes() : undefined);
  const start = () => {
    setPicked(null);
    setStopping(false);
    void startTraining(useStore, client, trainer.next(), dropped, { sim });
  };
  const startRepeat = (count: number) => {
    setPicked(null);
    setStopping(false);
    void repeatOverSeeds(useStore, client, sim, count, trainer, dropped).finally(() => setStopping(false));
  };
  const running = s.status === 'training' || s.status === 'paused';
  // The epochs the running job was sent (the page's quick size may cap the workspace's own).
  const pageEpochs = (s.workspace ? pageTrainingSize(s.workspace, s.full)?.epochs : undefined) ?? training.epochs;
  return (
    <section className="panel" aria-label="Training">
      <h2>Training</h2>
      <NumberField label="epochs" value={training.epochs} step={1} testId="train-epochs" onCommit={(v) => setCfg('epochs', v)} />
      {training.dataset.kind === 'ecg-beats' ? (
        <>
          <NumberField label="training beats" value={training.dataset.beats} step={1} testId="train-beats" onCommit={(v) => setCfg('dataset', { ...training.dataset, beats: v })} />
        </>
      ) : (
        <NumberField label="samples per class" value={training.dataset.perClass} step={1} testId="train-per-class" onCommit={(v) => setCfg('dataset', { ...training.dataset, perClass: v })} />
      )}
      <NumberField label="learning rate" value={training.learningRate} onCommit={(v) => setCfg('learningRate', v)} />
      <NumberField label="spike penalty" unit="weight" title="firing-rate regulariser: spikes cost energy" value={training.rateRegularization} onCommit={(v) => setCfg('rateRegularization', v)} />
      {droppedCount > 0 && canUseDropped(useStore.getState().workspace) ? (
        <label className="use-dropped">
          <input type="checkbox" data-testid="train-on-dropped" checked={useDropped} onChange={(e) => setUseDropped(e.target.checked)} /> train on the dropped recordings ({droppedCount} files: WFDB heartbeats or WAV digits) instead of built-in data
        </label>
      ) : null}
      <fieldset className="learnable" aria-label="neuron parameters learned with the weights">
        <legend>also learn (one per layer)</legend>
        {(['decay', 'threshold', 'adaptation'] as const).map((k) => (
          <label key={k} title={k === 'adaptation' ? 'ALIF layers: how much each spike raises the threshold' : `every spiking layer's ${k === 'decay' ? 'membrane decay β' : 'threshold'}`}>
            <input type="checkbox" data-testid={`learn-${k}`} checked={training.trainable[k]} onChange={(e) => setCfg('trainable', { ...training.trainable, [k]: e.target.checked })} /> {k}
          </label>
        ))}
      </fieldset>
      {s.workspace ? <TrainSizeChoice workspace={s.workspace} disabled={running} /> : null}
      <div className="train-buttons">
        {running ? (
          <>
            <button
              type="button"
              onClick={() => {
                if (s.status === 'paused') client.resume(trainer.current());
                else client.pause(trainer.current());
                useStore.getState().setTrain({ trainStatus: s.status === 'paused' ? 'training' : 'paused' });
              }}
            >
              {s.status === 'paused' ? 'Resume' : 'Pause'}
            </button>
            <button
              type="button"
              data-testid="train-stop"
              disabled={stopping}
              title={repeat ? 'stop this run and the runs after it (finished runs are kept)' : undefined}
              onClick={() => {
                setStopping(true);
                trainer.stop();
              }}
            >
              {stopping ? 'Stopping…' : 'Stop'}
            </button>
          </>
        ) : (
          <button type="button" data-testid="train-button" data-lesson-control="train" disabled={repeat !== null} onClick={start}>
            Train
          </button>
        )}
        <span data-testid="train-status">{s.status}</span>
        {repeat ? (
          <span className="hint" data-testid="repeat-progress" role="status">
            run {repeat.index} of {repeat.total}
          </span>
        ) : null}
      </div>
      <RepeatSeeds seed={s.workspace?.seed ?? 1} disabled={running || repeat !== null} onRepeat={startRepeat} />
      {running ? <TrainProgressLine epochs={pageEpochs} /> : null}
      {s.status === 'stopped' ? (
        <div className="hint" role="status" data-testid="train-stopped">
          {s.info}
        </div>
      ) : null}
      {s.epochs.length > 0 || overlaid.length > 0 ? <TrainingCurves epochs={s.epochs} planned={running ? pageEpochs : undefined} overlaid={overlaid} /> : null}
      {s.epochs.length > 0 ? (
        <>
          <div className="hint" data-testid="epoch-line">
            epoch {s.epochs.length}: loss {s.epochs.at(-1)?.loss.toFixed(3)}, validation {(100 * (s.epochs.at(-1)?.valAccuracy ?? 0)).toFixed(1)} %, {s.epochs.at(-1)?.msPerBatch.toFixed(0)} ms/batch, {(100 * (s.epochs.at(-1)?.rate ?? 0)).toFixed(1)} % spikes/neuron/step
          </div>
        </>
      ) : null}
      {s.error ? (
        <div className="field-error" role="alert">
          {s.error}
          <ErrorDetails detail={s.errorDetail} />
        </div>
      ) : null}
      {s.test ? (
        <div data-testid="confusion">
          <div className="hint" data-testid="train-info">{s.info}</div>
          <b data-testid="test-accuracy" data-lesson-control="test-accuracy">test accuracy {(100 * s.test.accuracy).toFixed(1)} %</b>, macro-F1 {s.test.macroF1.toFixed(3)}
          {s.coverage && s.coverage.scored < s.coverage.total ? (
            <div className="hint" data-testid="test-coverage">
              Stopped while scoring: these figures are of a random {s.coverage.scored.toLocaleString('en')} of the {s.coverage.total.toLocaleString('en')} test samples.
            </div>
          ) : null}
          <ConfusionMatrix metrics={s.test} classes={s.classes} onPick={(i, j) => void pick(i, j)} picked={picked?.cell ?? null} />
          <div className="hint">Click a cell to see the raster of one of its test samples (again for the next one).</div>
          {pickError ? (
            <div className="field-error" role="alert">
              {pickError}
            </div>
          ) : null}
          <div className="hint">The raster now runs with the trained weights.</div>
        </div>
      ) : null}
      <RunsTable />
    </section>
  );
}
