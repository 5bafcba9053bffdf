import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/index.ts';

/** Seconds left at the rate of the phase so far: elapsed · (1 − f) / f for fraction f done. */
function secondsLeft(since: number, fraction: number): number {
  return fraction > 0 ? (((Date.now() - since) / 1000) * (1 - fraction)) / fraction : NaN;
}

const eta = (s: number): string => (Number.isFinite(s) ? `, about ${s >= 90 ? `${(s / 60).toFixed(1)} min` : `${Math.max(0, s).toFixed(0)} s`} left` : '');

/**
 * The running job's progress, redrawn at every report (several a second): data being prepared,
 * batch d of t of epoch e with the ETA of all epochs, or the test samples scored so far.
 */
export function TrainProgressLine({ epochs }: { epochs: number }) {
  const { p, finished } = useStore(useShallow((s) => ({ p: s.trainProgress, finished: s.epochs.length })));
  if (!p || p.phase === 'prepare')
    return (
      <div className="hint" data-testid="train-progress-line">
        <progress data-testid="train-progress" /> preparing the data (reading the recordings, cutting and encoding the beats)…
      </div>
    );
  if (p.phase === 'test') {
    const f = p.done / p.total;
    return (
      <div className="hint" data-testid="train-progress-line">
        <progress data-testid="train-progress" value={f} max={1} /> scoring the test set: {p.done.toLocaleString('en')} of {p.total.toLocaleString('en')} samples{eta(secondsLeft(p.since, f))} (Stop scores a random subset for a second)
      </div>
    );
  }
  // The clock starts at this epoch's first report; the epochs left run at this epoch's rate.
  const ofEpoch = p.done / p.total;
  return (
    <div className="hint" data-testid="train-progress-line">
      <progress data-testid="train-progress" value={(finished + ofEpoch) / epochs} max={1} /> epoch {Math.min(epochs, finished + 1)} of {epochs}: batch {p.done.toLocaleString('en')} of {p.total.toLocaleString('en')}
      {eta(epochsLeft(p.since, ofEpoch, epochs - finished))}
    </div>
  );
}

/** Seconds left for `epochsLeft` epochs (this one included) at this epoch's rate so far. */
function epochsLeft(since: number, fractionOfEpoch: number, epochsLeft: number): number {
  if (fractionOfEpoch <= 0) return NaN;
  const perEpoch = (Date.now() - since) / 1000 / fractionOfEpoch;
  return perEpoch * (epochsLeft - fractionOfEpoch);
}
