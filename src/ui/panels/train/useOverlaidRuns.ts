import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/index.ts';
import { runColour, type OverlaidRun } from '../../viz/curves/runCurves.ts';

/** The runs picked in the runs table, in run-log order, each with its colour (the table's swatch). */
export function useOverlaidRuns(): readonly OverlaidRun[] {
  const { runs, ids } = useStore(useShallow((s) => ({ runs: s.workspace?.runs, ids: s.overlaidRuns })));
  return useMemo(() => (runs ?? []).flatMap((run, i) => (ids.includes(run.id) ? [{ run, colour: runColour(i) }] : [])), [runs, ids]);
}
