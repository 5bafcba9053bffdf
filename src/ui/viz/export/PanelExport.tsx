import type { RefObject } from 'react';
import type { PlotCsv } from './csvTable.ts';
import type { StampEngine } from './currentStamp.ts';
import { ExportMenu } from './ExportMenu.tsx';
import { snapshotBox } from './snapshotBox.ts';

/**
 * The export control of a panel whose plots are its canvases and SVGs: the figure is what they
 * draw, under the panel heading's text (or `title`); `csv` its data. The panel carries the class `has-export`.
 */
export function PanelExport({ plot, panel, title, csv, engine }: { plot: string; panel: RefObject<HTMLElement | null>; title?: string; csv?: () => PlotCsv | null; engine?: StampEngine }) {
  const figure = () => {
    const el = panel.current;
    return el ? snapshotBox(el, title ?? el.querySelector('h2')?.textContent ?? plot) : null;
  };
  return <ExportMenu plot={plot} figure={figure} {...(csv ? { csv } : {})} {...(engine ? { engine } : {})} />;
}
