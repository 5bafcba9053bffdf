import type { ClassMetrics } from '../../core/train/metrics.ts';
import { useStore } from '../store/index.ts';
import { confusionFigure } from '../viz/export/confusionFigure.ts';
import { ExportMenu } from '../viz/export/ExportMenu.tsx';
import { confusionCsv } from '../viz/export/plotTables.ts';

/** More classes than this and the matrix is drawn compact, to fit the side panel (it widens to 320 px at most). */
const COMPACT_ABOVE = 6;

const pct = (v: number | undefined, support: number | undefined, compact: boolean) => (support ? (compact ? (100 * (v ?? 0)).toFixed(0) : `${(100 * (v ?? 0)).toFixed(1)} %`) : '–');

/**
 * Test confusion matrix (rows: true class, columns: predicted) with per-class recall (row) and
 * precision (column). Clicking a cell picks its samples (`onPick`), e.g. to show one's raster.
 */
export function ConfusionMatrix({ metrics, classes, onPick, picked }: { metrics: ClassMetrics; classes: readonly string[]; onPick?: (trueClass: number, predicted: number) => void; picked?: readonly [number, number] | null }) {
  const predicted = classes.map((_, j) => metrics.confusion.reduce((a, row) => a + (row[j] ?? 0), 0));
  // Ten classes (spoken digits, N-MNIST) made 12 columns that the side panel cut off: smaller
  // type and whole percents (the headings wrap) keep them all in view.
  const compact = classes.length > COMPACT_ABOVE;
  const figure = () => confusionFigure(metrics, classes, `Test confusion matrix: ${useStore.getState().workspace?.name ?? ''} (accuracy ${(100 * metrics.accuracy).toFixed(1)} %)`);
  return (
    <>
    <div className="export-row">
      <ExportMenu plot="confusion" inline engine="train" figure={figure} csv={() => confusionCsv(metrics, classes)} />
    </div>
    <div className="confusion-wrap">
    <table className={`metrics confusion${compact ? ' compact' : ''}`}>
      <thead>
        <tr>
          <th title="rows: true class, columns: predicted class">true \ pred</th>
          {classes.map((c) => (
            <th key={c}>{c}</th>
          ))}
          <th title="recall (%)">recall</th>
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
            <td>{pct(metrics.perClass[i]?.recall, metrics.perClass[i]?.support, compact)}</td>
          </tr>
        ))}
        <tr>
          <td title="precision (%)">{compact ? 'prec.' : 'precision'}</td>
          {classes.map((c, j) => (
            <td key={c}>{pct(metrics.perClass[j]?.precision, predicted[j], compact)}</td>
          ))}
          <td />
        </tr>
      </tbody>
    </table>
    </div>
    </>
  );
}
