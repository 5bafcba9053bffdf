import { useStore } from '../store/index.ts';
import { ErrorDetails } from './ErrorDetails.tsx';

/** Shows a refused edit (with its JSON path) or a failed run, where the user will see it. */
export function ErrorBanner() {
  const editError = useStore((s) => s.editError);
  const runError = useStore((s) => s.error);
  const detail = useStore((s) => s.errorDetail);
  if (!editError && !runError) return null;
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      {editError ? `Not applied — ${editError.path}: ${editError.message}` : `Simulation failed: ${runError}`}
      {editError ? null : <ErrorDetails detail={detail} />}
    </div>
  );
}
