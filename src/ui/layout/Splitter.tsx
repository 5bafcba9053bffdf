import { useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useStore } from '../store/index.ts';
import { clampPanel, PANEL_LIMITS, type LayoutRoom, type PanelEdge } from './panelSizes.ts';

/** Which sibling a splitter resizes and which way a drag grows it. */
const EDGE: Readonly<Record<PanelEdge, { readonly side: 'previous' | 'next'; readonly axis: 'x' | 'y'; readonly sign: 1 | -1; readonly label: string }>> = {
  left: { side: 'previous', axis: 'x', sign: 1, label: 'Resize the data column' },
  right: { side: 'next', axis: 'x', sign: -1, label: 'Resize the inspector column' },
  graph: { side: 'previous', axis: 'y', sign: 1, label: 'Resize the graph against the spike views' },
};

/** The panel's size now and the room around it, read from the page (defaults are CSS, not state). */
function measure(el: HTMLElement, edge: PanelEdge): { size: number; room: LayoutRoom } | null {
  const { side, axis } = EDGE[edge];
  const panel = side === 'previous' ? el.previousElementSibling : el.nextElementSibling;
  const other = side === 'previous' ? el.nextElementSibling : el.previousElementSibling;
  const bench = el.closest('.workbench');
  if (!(panel instanceof HTMLElement) || !(other instanceof HTMLElement) || !bench) return null;
  const box = panel.getBoundingClientRect();
  return {
    size: axis === 'x' ? box.width : box.height,
    room: { width: bench.clientWidth, centerHeight: box.height + other.getBoundingClientRect().height },
  };
}

/**
 * The size of the panel a splitter resizes, as laid out: a focusable separator must say its value
 * (aria-valuenow) to a screen reader even while the panel follows the window's CSS default.
 */
function useMeasuredSize(bar: { readonly current: HTMLDivElement | null }, edge: PanelEdge): number {
  const [size, setSize] = useState<number>(PANEL_LIMITS[edge].min);
  useLayoutEffect(() => {
    const el = bar.current;
    const { side, axis } = EDGE[edge];
    const panel = el && (side === 'previous' ? el.previousElementSibling : el.nextElementSibling);
    if (!(panel instanceof HTMLElement)) return;
    const read = () => {
      const box = panel.getBoundingClientRect();
      setSize(Math.round(axis === 'x' ? box.width : box.height));
    };
    read();
    const watch = new ResizeObserver(read);
    watch.observe(panel);
    return () => watch.disconnect();
  }, [bar, edge]);
  return size;
}

/**
 * A bar between two panels: drag it, or focus it and press the arrows (Shift for bigger steps),
 * Home / End for the smallest and largest size, Enter or a double click for the default.
 */
export function Splitter({ edge }: { edge: PanelEdge }) {
  const { axis, sign, label } = EDGE[edge];
  const drag = useRef<{ start: number; size: number; room: LayoutRoom } | null>(null);
  const [now, setNow] = useState<number | null>(null);
  const sizes = useStore((s) => s.panelSizes);
  const bar = useRef<HTMLDivElement>(null);
  const measured = useMeasuredSize(bar, edge);
  const set = (px: number, room: LayoutRoom) => {
    useStore.getState().resizePanel(edge, px, room);
    setNow(clampPanel(edge, px, room, useStore.getState().panelSizes));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const m = measure(e.currentTarget, edge);
    if (!m || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { start: axis === 'x' ? e.clientX : e.clientY, size: m.size, room: m.room };
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    set(d.size + sign * ((axis === 'x' ? e.clientX : e.clientY) - d.start), d.room);
  };
  const end = () => void (drag.current = null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const m = measure(e.currentTarget, edge);
    if (!m) return;
    const step = e.shiftKey ? 64 : 16;
    const grow = axis === 'x' ? { ArrowRight: sign * step, ArrowLeft: -sign * step } : { ArrowDown: step, ArrowUp: -step };
    const delta = (grow as Record<string, number | undefined>)[e.key];
    if (delta !== undefined) set(m.size + delta, m.room);
    else if (e.key === 'Home') set(PANEL_LIMITS[edge].min, m.room);
    else if (e.key === 'End') set(PANEL_LIMITS[edge].max, m.room);
    else if (e.key === 'Enter') {
      useStore.getState().resetPanel(edge);
      setNow(null);
    } else return;
    e.preventDefault();
  };
  return (
    <div
      ref={bar}
      className={`splitter splitter-${axis === 'x' ? 'columns' : 'rows'}`}
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={axis === 'x' ? 'vertical' : 'horizontal'}
      aria-valuemin={PANEL_LIMITS[edge].min}
      aria-valuemax={PANEL_LIMITS[edge].max}
      aria-valuenow={now ?? sizes[edge] ?? measured}
      aria-valuetext={`${now ?? sizes[edge] ?? measured} pixels`}
      data-testid={`splitter-${edge}`}
      title={`${label} (drag, or arrows; double-click for the default)`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
      onDoubleClick={() => {
        useStore.getState().resetPanel(edge);
        setNow(null);
      }}
      onKeyDown={onKeyDown}
    />
  );
}
