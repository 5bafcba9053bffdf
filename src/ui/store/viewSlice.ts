import type { StateCreator } from 'zustand';
import { keepPanelSizes, readKeptPanelSizes } from '../layout/keptPanelSizes.ts';
import { withoutPanel, withPanel, type LayoutRoom, type PanelEdge, type PanelSizes } from '../layout/panelSizes.ts';
import type { Store } from './index.ts';

/** What the pointer is over in the raster, for the hover read-out. */
export interface HoverInfo {
  readonly layer: string;
  readonly neuron: number;
  readonly timeMs: number;
}

/** The centre's views (CenterTabs.tsx): the neuron playground, the spike views, the chip; 'study' only while a study is open. */
export type CenterView = 'neuron' | 'spikes' | 'chip' | 'study';

/** View state that is not part of the workspace. */
export interface ViewSlice {
  hover: HoverInfo | null;
  setHover(h: HoverInfo | null): void;
  /** Visible time range in steps, shared by the raster and the signal view; null = everything. */
  timeRange: readonly [number, number] | null;
  setTimeRange(r: readonly [number, number] | null): void;
  /** What the centre shows: the spike views (signal, raster, membrane), the chip mapping, or the open study. */
  centerView: CenterView;
  setCenterView(v: CenterView): void;
  /** How the chip mesh colours its cores: by the binding constraint's utilisation, or by layer. */
  meshColour: 'utilisation' | 'layer';
  setMeshColour(c: 'utilisation' | 'layer'): void;
  /** What the strip under the raster shows: the read-out per class, or the probed neuron's membrane. */
  traceStrip: 'readout' | 'membrane';
  setTraceStrip(v: 'readout' | 'membrane'): void;
  /** The spike views' playback cursor in steps: one line through the signal, the raster and the membrane (null = no cursor). */
  playbackStep: number | null;
  setPlaybackStep(step: number | null): void;
  /** Panel sizes set with the splitters (the rest follow the window), kept in this browser. */
  panelSizes: PanelSizes;
  resizePanel(edge: PanelEdge, px: number, room: LayoutRoom): void;
  resetPanel(edge: PanelEdge): void;
}

export const createViewSlice: StateCreator<Store, [], [], ViewSlice> = (set, get) => ({
  hover: null,
  setHover: (hover) => set({ hover }),
  timeRange: null,
  setTimeRange: (timeRange) => set({ timeRange }),
  centerView: 'spikes',
  setCenterView: (centerView) => set({ centerView }),
  meshColour: 'utilisation',
  setMeshColour: (meshColour) => set({ meshColour }),
  traceStrip: 'readout',
  setTraceStrip: (traceStrip) => set({ traceStrip }),
  playbackStep: null,
  setPlaybackStep: (playbackStep) => set({ playbackStep }),
  panelSizes: readKeptPanelSizes(),
  resizePanel: (edge, px, room) => {
    const panelSizes = withPanel(get().panelSizes, edge, px, room);
    set({ panelSizes });
    keepPanelSizes(panelSizes);
  },
  resetPanel: (edge) => {
    const panelSizes = withoutPanel(get().panelSizes, edge);
    set({ panelSizes });
    keepPanelSizes(panelSizes);
  },
});
