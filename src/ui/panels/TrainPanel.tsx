import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TrainClient } from '../../../workers/trainClient.ts';
import { NumberField } from '../controls/NumberField.tsx';
import type { Workspace } from '../../core/spec/workspace.ts';
import { droppedTrainingBytes, droppedTrainingCount } from '../droppedFiles.ts';
import { showReply, weightArtifacts } from '../runController.ts';
import { useStore } from '../store/index.ts';
import { TrainingCurves } from '../viz/curves/TrainingCurves.tsx';
import { ConfusionMatrix } from './ConfusionMatrix.tsx';

/** Dropped recordings stand in for heartbeats (an ECG workspace) or for spoken digits (a digit source). */
function canUseDropped(ws: Workspace | null): boolean {
  return ws?.training?.dataset.kind === 'ecg-beats' || ws?.data.kind === 'synthetic-audio';
}

/** Train / pause / resume / stop with progress, ETA, live curves and the test confusion matrix. */
export function TrainPanel({ client }: { client: TrainClient }) {
  const training = useStore((s) => s.workspace?.training);
  const s = useStore(useShallow((st) => ({ status: st.trainStatus, epochs: st.epochs, batch: st.batchProgress, started: st.trainStartedAt, error: st.trainError, test: st.testMetrics, info: st.trainInfo, classes: st.testClasses })));
  const job = useRef(0);
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
  const id = `train${job.current}`;
  const start = async () => {
    const ws = useStore.getState().workspace;
    if (!ws) return;
    job.current += 1;
    const jobId = `train${job.current}`;
    const { setTrain } = useStore.getState();
    setTrain({ trainStatus: 'training', epochs: [], batchProgress: 0, trainStartedAt: Date.now(), trainError: null, testMetrics: null, trainInfo: null });
    setPicked(null);
    try {
      const files = useDropped && canUseDropped(ws) && droppedCount > 0 ? await droppedTrainingBytes() : undefined;
      const reply = await client.train(
        jobId,
        ws,
        (r) => setTrain({ epochs: [...useStore.getState().epochs, r] }),
        (d, t) => setTrain({ batchProgress: d / t }),
        files,
      );
      const weightsId = weightArtifacts.put(reply.weights);
      // Learned decays / thresholds live in the network spec: adopt it (undoable), then the
      // weights fit the network as it now reads.
      // Only if the network was not edited meanwhile: the weights fit the trained network, not an edited one.
      const trained = JSON.stringify(reply.network);
      const unchanged = JSON.stringify(useStore.getState().workspace?.network) === JSON.stringify(ws.network);
      let weightsNetwork = trained;
      // The store re-validates the adopted network (key order as the schema gives it): compare with that.
      if (unchanged && trained !== JSON.stringify(ws.network) && useStore.getState().edit('learned neuron parameters', (d) => void (d.network = structuredClone(reply.network) as unknown as typeof d.network)))
        weightsNetwork = JSON.stringify(useStore.getState().workspace?.network);
      setTrain({
        trainStatus: 'done',
        testMetrics: reply.test,
        testClasses: reply.classes,
        trainInfo: `${reply.description} on ${reply.backend}${reply.cancelled ? ' (stopped; best epoch kept)' : ''}`,
        weightsId,
        weightsNetwork,
      });
    } catch (e) {
      setTrain({ trainStatus: 'error', trainError: e instanceof Error ? e.message : String(e) });
    }
  };
  const done = s.epochs.length + s.batch;
  const elapsed = (Date.now() - s.started) / 1000;
  const eta = done > 0 ? (elapsed / done) * (training.epochs - done) : NaN;
  return (
    <section className="panel" aria-label="Training">
      <h2>Training</h2>
      <NumberField label="epochs" value={training.epochs} step={1} testId="train-epochs" onCommit={(v) => setCfg('epochs', v)} />
      {training.dataset.kind === 'ecg-beats' ? (
        <>
          <NumberField label="training beats" value={training.dataset.beats} step={1} testId="train-beats" onCommit={(v) => setCfg('dataset', { ...training.dataset, beats: v })} />
          {training.dataset.beats > 20_000 ? <div className="hint">In the page this trains on synthetic beats: {training.dataset.beats.toLocaleString()} of them take long. The MIT-BIH figures come from the CLI (`spikelab train --data`); open its model with “Open model…”.</div> : null}
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
      <div className="train-buttons">
        {s.status === 'training' || s.status === 'paused' ? (
          <>
            <button
              type="button"
              onClick={() => {
                if (s.status === 'paused') client.resume(id);
                else client.pause(id);
                useStore.getState().setTrain({ trainStatus: s.status === 'paused' ? 'training' : 'paused' });
              }}
            >
              {s.status === 'paused' ? 'Resume' : 'Pause'}
            </button>
            <button type="button" onClick={() => client.stop(id)}>
              Stop
            </button>
          </>
        ) : (
          <button type="button" data-testid="train-button" onClick={() => void start()}>
            Train
          </button>
        )}
        <span data-testid="train-status">{s.status}</span>
      </div>
      {s.status === 'training' || s.status === 'paused' ? (
        <div className="hint">
          <progress data-testid="train-progress" value={done} max={training.epochs} /> epoch {Math.min(training.epochs, s.epochs.length + 1)} of {training.epochs}
          {Number.isFinite(eta) ? `, about ${Math.max(0, eta).toFixed(0)} s left` : ''}
        </div>
      ) : null}
      {s.epochs.length > 0 ? (
        <>
          <TrainingCurves epochs={s.epochs} />
          <div className="hint" data-testid="epoch-line">
            epoch {s.epochs.length}: loss {s.epochs.at(-1)?.loss.toFixed(3)}, validation {(100 * (s.epochs.at(-1)?.valAccuracy ?? 0)).toFixed(1)} %, {s.epochs.at(-1)?.msPerBatch.toFixed(0)} ms/batch, {(100 * (s.epochs.at(-1)?.rate ?? 0)).toFixed(1)} % spikes/neuron/step
          </div>
        </>
      ) : null}
      {s.error ? (
        <div className="field-error" role="alert">
          {s.error}
        </div>
      ) : null}
      {s.test ? (
        <div data-testid="confusion">
          <div className="hint" data-testid="train-info">{s.info}</div>
          <b data-testid="test-accuracy">test accuracy {(100 * s.test.accuracy).toFixed(1)} %</b>, macro-F1 {s.test.macroF1.toFixed(3)}
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
    </section>
  );
}
