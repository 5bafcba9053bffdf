import { useMemo, useState } from 'react';
import { ErrorDetails } from '../../errors/ErrorDetails.tsx';
import { useStore } from '../../store/index.ts';
import { closeStudy, pageTasks, runOpenStudy, stopOpenStudy, studyOf, type StudyRunner } from '../../studyController.ts';
import { StudyPlots } from '../../viz/study/StudyPlots.tsx';
import { OffloadPanel } from './OffloadPanel.tsx';
import { StudyClaims } from './StudyClaims.tsx';
import { StudyDistillation } from './StudyDistillation.tsx';
import { StudyIncrementalTable } from './StudyIncrementalTable.tsx';
import { studyProgressFraction, studyProgressText } from './studyProgressText.ts';
import { StudySystems } from './StudySystems.tsx';
import { StudyTable } from './StudyTable.tsx';
import './study.css';

/**
 * The open study (the Study tab): what it is, its tasks and systems (each opens as the current
 * workspace), Run at the page's quick size with progress and Stop, then the comparison table
 * beside the paper's claims, offloading and on-device learning where the study has them, and the
 * accuracy–energy plots.
 */
export function StudyView({ runner }: { runner: StudyRunner }) {
  const id = useStore((s) => s.studyId);
  const status = useStore((s) => s.studyStatus);
  const progress = useStore((s) => s.studyProgress);
  const result = useStore((s) => s.studyResult);
  const error = useStore((s) => s.studyError);
  const errorDetail = useStore((s) => s.studyErrorDetail);
  const changed = useStore((s) => Object.keys(s.studyWorkspaces).length);
  const [stopping, setStopping] = useState(false);
  const def = studyOf(id);
  const tasks = useMemo(() => (def ? pageTasks(def) : []), [def]);
  if (!def) return null;
  const running = status === 'running';
  const run = () => {
    setStopping(false);
    void runOpenStudy(useStore, runner);
  };
  const stop = () => {
    setStopping(true);
    stopOpenStudy(useStore, runner);
  };
  return (
    <div className="study-view panel" role="tabpanel" id="panel-study" aria-labelledby="tab-study" data-testid="study-view" data-study={def.id} data-status={status}>
      <div className="study-head">
        <h2 data-testid="study-title">{def.title}</h2>
        <button type="button" className="study-close" onClick={() => closeStudy(useStore)} title="close the study (its last result stays until another study opens)">
          Close study
        </button>
      </div>
      <p className="study-about">{def.about}</p>
      <div className="study-run" aria-live="polite">
        {running ? (
          <button type="button" data-testid="study-stop" disabled={stopping} onClick={stop}>
            {stopping ? 'Stopping…' : 'Stop'}
          </button>
        ) : (
          <button type="button" data-testid="study-run" onClick={run} title="train, score and cost every system at the page's quick size (the CLI runs the full size)">
            {result ? 'Run again' : 'Run'} (quick size)
          </button>
        )}
        {running ? (
          <>
            <progress data-testid="study-progress-bar" value={studyProgressFraction(progress)} max={1} />
            <span data-testid="study-progress">{studyProgressText(progress)}</span>
          </>
        ) : (
          <span className="hint" data-testid="study-status">
            {status === 'stopped' ? 'Stopped: no new result.' : status === 'done' ? `Done: seed ${result?.seed ?? ''}, quick size.` : 'Not run yet in this page.'}
            {changed > 0 ? ` ${changed} changed workspace${changed > 1 ? 's' : ''} will be used.` : ''}
          </span>
        )}
      </div>
      {/* Open until there is a table (whose rows open the systems too), then folded. */}
      <details className="study-systems-fold" open={result === null}>
        <summary>
          The systems ({tasks.reduce((n, t) => n + t.systems.length, 0)}) and the data of each task
        </summary>
        <StudySystems tasks={tasks} />
      </details>
      <StudyDistillation def={def} />
      {error ? (
        <div className="field-error" role="alert" data-testid="study-error">
          {error}
          <ErrorDetails detail={errorDetail} />
        </div>
      ) : null}
      <div className="study-compare">
        <div className="study-table-wrap">{result ? <StudyTable result={result} /> : null}</div>
        <StudyClaims claims={def.claims} result={result} />
      </div>
      {result?.offload && result.offload.length > 0 ? <OffloadPanel result={result} offload={result.offload} claims={def.claims} /> : null}
      {result?.incremental && result.incremental.length > 0 ? <StudyIncrementalTable result={result} rows={result.incremental} /> : null}
      {result ? <StudyPlots result={result} /> : null}
    </div>
  );
}
