import { useCallback, useRef, useState } from 'react';
import { download } from '../../modelDownload.ts';
import { usePopoverDismiss } from '../../panels/usePopoverDismiss.ts';
import { useStore } from '../../store/index.ts';
import { composeSvg, type Composition } from './composeSvg.ts';
import { exportFileName } from './exportNames.ts';
import { svgToPng } from './rasterizeSvg.ts';
import { NO_EXPORT } from './snapshotBox.ts';
import './exportMenu.css';

interface Props {
  /** The plot's file-name stem and test-id suffix, e.g. "raster". */
  readonly plot: string;
  /** The figure to export, built when asked (null: nothing drawn yet). */
  readonly figure: () => Composition | null;
  /** The spikes of the run as CSV chunks, for plots that have them (the raster). */
  readonly csv?: () => readonly string[] | null;
  /** In the flow of its row (true) rather than at the top right of a `has-export` panel. */
  readonly inline?: boolean;
}

/**
 * A small "export" control for a plot panel: PNG (at the screen's pixel density), SVG (axes as
 * vectors, canvases as embedded images) and, for the raster, a CSV of every recorded spike. File
 * names say which plot, which workspace and when.
 */
export function ExportMenu({ plot, figure, csv, inline = false }: Props) {
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
  const withFigure = (use: (f: Composition, svg: string) => Promise<void> | void) => () => {
    const f = figure();
    if (!f) throw new Error('nothing is drawn yet');
    return use(f, composeSvg(f));
  };
  const png = withFigure(async (f, svg) => download(name(null, 'png'), await svgToPng(svg, f.width, f.height, window.devicePixelRatio || 1), 'image/png'));
  const svg = withFigure((_, text) => download(name(null, 'svg'), text, 'image/svg+xml'));
  const spikes = () => {
    const chunks = csv?.();
    if (!chunks) throw new Error('no run recorded yet');
    download(name('spikes', 'csv'), new Blob([...chunks], { type: 'text/csv' }), 'text/csv');
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
            <button type="button" role="menuitem" data-testid={`export-${plot}-csv`} onClick={() => void run(spikes)}>
              CSV of spikes
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
