import { keptFileDb } from '../keptFiles/keptFileDb.ts';
import { forgetKept } from '../keptFiles/keptFiles.ts';
import { MAX_KEPT_TOTAL_BYTES, sizeText } from '../keptFiles/keepPolicy.ts';
import { useStore } from '../store/index.ts';

/** The dropped files this browser keeps for the next visit, each with a button to remove it. */
export function KeptFiles() {
  const kept = useStore((s) => s.kept);
  const error = useStore((s) => s.keptError);
  if (!kept) return <div className="hint" data-testid="kept-files">Dropped files are not kept for the next visit: {error}</div>;
  if (kept.length === 0) return null;
  const total = kept.reduce((a, f) => a + f.size, 0);
  return (
    <div className="kept-files" data-testid="kept-files">
      <div className="hint">
        Kept in this browser for the next visit ({sizeText(total)} of {sizeText(MAX_KEPT_TOTAL_BYTES)}):
      </div>
      <ul>
        {kept.map((f) => (
          <li key={f.name}>
            <span className="kept-name">{f.name}</span> <span className="hint">{sizeText(f.size)}</span>{' '}
            <button type="button" data-testid={`kept-remove-${f.name}`} aria-label={`remove ${f.name} from this browser`} title="Remove from this browser (stays loaded until the page closes)" onClick={() => void forgetKept(useStore, keptFileDb(), f.name)}>
              remove
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
