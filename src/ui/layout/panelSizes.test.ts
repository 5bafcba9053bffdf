import { describe, expect, it } from 'vitest';
import { clampPanel, panelStyle, parsePanelSizes, withoutPanel, withPanel } from './panelSizes.ts';

const room = { width: 1280, centerHeight: 600 };

describe('panel sizes', () => {
  it('holds a column to its range and leaves the centre its minimum width', () => {
    expect(clampPanel('left', 50, room, {})).toBe(170);
    expect(clampPanel('left', 300.4, room, {})).toBe(300);
    // 1280 − 360 (centre) − 240 (the right column at its smallest) = 680, under the left's own 520.
    expect(clampPanel('left', 2000, room, {})).toBe(520);
    expect(clampPanel('left', 2000, { width: 900, centerHeight: 600 }, { right: 300 })).toBe(240);
    expect(clampPanel('right', 2000, { width: 900, centerHeight: 600 }, { left: 200 })).toBe(340);
  });

  it('leaves the spike views 300 px under the graph', () => {
    expect(clampPanel('graph', 500, room, {})).toBe(300);
    expect(clampPanel('graph', 10, room, {})).toBe(90);
  });

  it('sets and forgets a size', () => {
    const s = withPanel({}, 'graph', 200, room);
    expect(s).toEqual({ graph: 200 });
    expect(withoutPanel(withPanel(s, 'left', 260, room), 'graph')).toEqual({ left: 260 });
  });

  it('reads kept sizes back, dropping what is malformed', () => {
    expect(parsePanelSizes(JSON.stringify({ left: 260, right: 'wide', graph: 1e9, other: 3 }))).toEqual({ left: 260, graph: 900 });
    expect(parsePanelSizes('{not json')).toEqual({});
    expect(parsePanelSizes(null)).toEqual({});
    expect(parsePanelSizes('[1,2]')).toEqual({});
  });

  it('writes only the sizes that were set as CSS variables', () => {
    expect(panelStyle({ right: 320 })).toEqual({ '--panel-right': '320px' });
  });
});
