import { useStore } from '../store/index.ts';

/** The time of the last autosave, or why autosave is off, in the header. */
export function AutosaveStatus() {
  const autosave = useStore((s) => s.autosave);
  if (autosave.kind === 'off') return null;
  if (autosave.kind === 'error')
    return (
      <span className="autosave-error" role="alert" data-testid="autosave-status" data-state="error">
        {autosave.message}
      </span>
    );
  return (
    <span className="autosave" data-testid="autosave-status" data-state="saved" title="this workspace is kept in the browser and comes back on reload">
      saved {new Date(autosave.at).toLocaleTimeString('en-GB')}
    </span>
  );
}
