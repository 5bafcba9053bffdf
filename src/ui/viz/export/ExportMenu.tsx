import { useCallback, useRef, useState } from 'react';
import { download } from '../../modelDownload.ts';
import { usePopoverDismiss } from '../../panels/usePopoverDismiss.ts';
import { stampCsvComments, stampLines } from '../../../core/share/figureStamp.ts';
import { useClient } from '../../clientContext.ts';
import { useStore } from '../../store/index.ts';
import { composeSvg, type Composition } from './composeSvg.ts';
import { currentStamp, type StampEngine } from './currentStamp.ts';
import type { PlotCsv } from './csvTable.ts';
import { exportFileName } from './exportNames.ts';
import { withPngText } from './pngText.ts';
import { svgToPng } from './rasterizeSvg.ts';
import { NO_EXPORT } from './snapshotBox.ts';
import { stampFigure } from './stampFigure.ts';
import './exportMenu.css';

interface Props {
  /** The plot's file-name stem and test-id suffix, e.g. "raster". */
  readonly plot: string;
  /** The figure to export, built when asked (null: nothing drawn yet). */
  readonly figure: () => Composition | null;
  /** The plot's data as CSV (null: nothing drawn yet). */
  readonly csv?: () => PlotCsv | null;
  /** What produced the figure, for its stamp: the run (default), the training or the chip mapping. */
  readonly engine?: StampEngine;
  /** In the flow of its row (true) rather than at the top right of a `has-export` panel. */
  readonly inline?: boolean;
}

/**
 * A small "export" control for a plot panel: PNG (at the screen's pixel density), SVG (axes as
 * vectors, canvases as embedded images) and the plot's data as CSV. Each is stamped with what made
 * it (workspace link or its hash, seed, engine, version: stampFigure.ts, figureStamp.ts): a footer
 * and <desc>/<metadata> in the SVG, the footer and iTXt chunks in the PNG, `# key: value` lines
 * ahead of the CSV. File names say which plot, which workspace and when.
 */
export function ExportMenu({ plot, figure, csv, engine = 'run', inline = false }: Props) {
  const client = useClient();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  usePopoverDismiss(open, close, root, toggle);
  const workspace = useStore((s) => s.workspace?.name ?? '');
  const name = (what: string | null, ext: string) => exportFileName(plot, workspace, what, ext, new Date());
  const run = async (job: () => Promise<void> | void) => {
    setOpen(false);
    try {
      await job();
      setError(null);
    } catch (e) {
      setError(`export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const withFigure = (use: (f: Composition, svg: string) => Promise<void> | void) => async () => {
    // The figure is taken before the link is encoded: what is on screen at the click is what is exported.
    const drawn = figure();
    if (!drawn) throw new Error('nothing is drawn yet');
    const f = stampFigure(drawn, await currentStamp(client, engine));
    return use(f, composeSvg(f));
  };
  const png = withFigure(async (f, svg) => {
    const pixels = new Uint8Array(await (await svgToPng(svg, f.width, f.height, window.devicePixelRatio || 1)).arrayBuffer());
    const text = f.stamp ? [['Description', stampLines(f.stamp).join('\n')] as const, ['Software', `Spikelab ${f.stamp.spikelab}`] as const] : [];
    download(name(null, 'png'), new Blob([withPngText(pixels, [['Title', f.title], ...text])], { type: 'image/png' }), 'image/png');
  });
  const svg = withFigure((_, text) => download(name(null, 'svg'), text, 'image/svg+xml'));
  const data = async () => {
    const table = csv?.();
    if (!table) throw new Error('no data drawn yet');
    const stamp = await currentStamp(client, engine);
    download(name(table.what, 'csv'), new Blob([stampCsvComments(stamp), ...table.chunks], { type: 'text/csv' }), 'text/csv');
  };
  return (
    <div className={`export-menu${inline ? ' inline' : ''} ${NO_EXPORT}`} ref={root}>
      <button type="button" ref={toggle} className="export-toggle" data-testid={`export-${plot}`} aria-expanded={open} aria-haspopup="menu" title="export this plot" onClick={() => setOpen((o) => !o)}>
        export ▾
      </button>
      {open ? (
        <div className="export-items" role="menu">
          <button type="button" role="menuitem" data-testid={`export-${plot}-png`} onClick={() => void run(png)}>
            PNG image
          </button>
          <button type="button" role="menuitem" data-testid={`export-${plot}-svg`} onClick={() => void run(svg)}>
            SVG (vector axes)
          </button>
          {csv ? (
            <button type="button" role="menuitem" data-testid={`export-${plot}-csv`} onClick={() => void run(data)}>
              CSV of the data
            </button>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}
