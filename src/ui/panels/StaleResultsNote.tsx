import { useStore } from '../store/index.ts';
import { resultsStale } from '../store/runSlice.ts';

/**
 * Says, above the dimmed spike views, that they show the previous network's results because
 * this one's run failed, and why it failed.
 */
export function StaleResultsNote() {
  const stale = useStore(resultsStale);
  const error = useStore((s) => s.error);
  if (!stale) return null;
  return (
    <div className="stale-note" role="status" data-testid="stale-results">
      <b>Showing the results of the previous network:</b> this network’s run failed ({error}).
    </div>
  );
}
