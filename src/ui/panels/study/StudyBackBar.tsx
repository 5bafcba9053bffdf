import { useMemo } from 'react';
import { useStore } from '../../store/index.ts';
import { backToStudy, studyOf, systemOf } from '../../studyController.ts';

/**
 * While a study system's workspace is the current one and the study is not shown: which system it
 * is, and the way back (the row's workspace, if changed, is used by the study's next run).
 */
export function StudyBackBar() {
  const opened = useStore((s) => (s.centerView !== 'study' && s.studyOpenedRow && s.docId === s.studyOpenedRow.docId ? s.studyOpenedRow : null));
  const studyId = useStore((s) => s.studyId);
  const workspace = useStore((s) => s.workspace);
  // Once per workspace change, not per store update (hover moves update the store too).
  const changed = useMemo(() => opened !== null && workspace !== null && JSON.stringify(workspace) !== opened.shown, [opened, workspace]);
  const def = studyOf(studyId);
  if (!opened || !def) return null;
  const sys = systemOf(def, opened.key);
  return (
    <div className="study-back" role="status" data-testid="study-back-bar">
      <span>
        {sys ? `“${sys.system}” of the study ${def.title}` : def.title}
        {changed ? ': changed; the study’s next run will use your version' : ''}
      </span>
      <button type="button" data-testid="study-back" onClick={() => backToStudy(useStore)}>
        Back to study
      </button>
    </div>
  );
}
