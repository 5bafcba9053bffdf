import type { ClassMetrics } from '../../core/train/metrics.ts';

const pct = (v: number | undefined, support: number | undefined) => (support ? `${(100 * (v ?? 0)).toFixed(1)} %` : '–');

/**
 * Test confusion matrix (rows: true class, columns: predicted) with per-class recall (row) and
 * precision (column). Clicking a cell picks its samples (`onPick`), e.g. to show one's raster.
 */
export function ConfusionMatrix({ metrics, classes, onPick, picked }: { metrics: ClassMetrics; classes: readonly string[]; onPick?: (trueClass: number, predicted: number) => void; picked?: readonly [number, number] | null }) {
  const predicted = classes.map((_, j) => metrics.confusion.reduce((a, row) => a + (row[j] ?? 0), 0));
  return (
    <div className="confusion-wrap">
    <table className="metrics confusion">
      <thead>
        <tr>
          <th>true \ pred</th>
          {classes.map((c) => (
            <th key={c}>{c}</th>
          ))}
          <th>recall</th>
        </tr>
      </thead>
      <tbody>
        {metrics.confusion.map((row, i) => (
          <tr key={classes[i]}>
            <td>{classes[i]}</td>
            {row.map((v, j) => (
              <td
                key={j}
                className={`${i === j ? 'diag' : v > 0 ? 'off' : ''}${picked?.[0] === i && picked[1] === j ? ' picked' : ''}`}
                data-testid={`cell-${i}-${j}`}
                {...(onPick && v > 0 ? { role: 'button', tabIndex: 0, title: `show a ${classes[i]} sample predicted ${classes[j]}`, onClick: () => onPick(i, j), onKeyDown: (e: { key: string }) => (e.key === 'Enter' || e.key === ' ' ? onPick(i, j) : undefined) } : {})}
              >
                {v}
              </td>
            ))}
            <td>{pct(metrics.perClass[i]?.recall, metrics.perClass[i]?.support)}</td>
          </tr>
        ))}
        <tr>
          <td>precision</td>
          {classes.map((c, j) => (
            <td key={c}>{pct(metrics.perClass[j]?.precision, predicted[j])}</td>
          ))}
          <td />
        </tr>
      </tbody>
    </table>
    </div>
  );
}
