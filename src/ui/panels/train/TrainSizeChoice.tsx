import { estimateTrainingSeconds, pageTrainingSize } from '../../../core/train/pageTrainingSize.ts';
import type { Workspace } from '../../../core/spec/workspace.ts';
import { useStore } from '../../store/index.ts';

const minutes = (s: number): string => (s < 90 ? `${Math.max(1, Math.round(s / 5) * 5)} s` : `${(s / 60).toFixed(s < 600 ? 1 : 0)} min`);

/**
 * Before training heartbeats: the size the page trains at and its estimated time. A workspace that
 * asks for more than the page's quick size (the MIT-BIH preset: 200,000 beats × 30 epochs, the
 * CLI's figures) trains quick by default, its full set one click away.
 */
export function TrainSizeChoice({ workspace, disabled }: { workspace: Workspace; disabled: boolean }) {
  const full = useStore((s) => s.trainFull);
  const quick = pageTrainingSize(workspace, false);
  const whole = pageTrainingSize(workspace, true);
  if (!quick || !whole) return null;
  const line = (s: typeof quick) => `${s.beats.toLocaleString('en')} beats × ${s.epochs} epoch${s.epochs === 1 ? '' : 's'}, ≈ ${minutes(estimateTrainingSeconds(workspace, s))} of training`;
  if (!quick.capped)
    return (
      <div className="hint" data-testid="train-estimate">
        Trains on up to {line(whole)} (estimated; reading the data and scoring the test set come on top).
      </div>
    );
  const pick = (v: boolean) => useStore.getState().setTrain({ trainFull: v });
  return (
    <fieldset className="train-size" aria-label="training size" data-testid="train-size" disabled={disabled}>
      <legend>train on (estimated times; reading the data and scoring the test set come on top)</legend>
      <label>
        <input type="radio" name="train-size" data-testid="train-size-quick" checked={!full} onChange={() => pick(false)} /> quick: up to {line(quick)}
      </label>
      <label>
        <input type="radio" name="train-size" data-testid="train-size-full" checked={full} onChange={() => pick(true)} /> the full set: up to {line(whole)}
      </label>
    </fieldset>
  );
}
