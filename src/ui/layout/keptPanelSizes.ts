import { parsePanelSizes, type PanelSizes } from './panelSizes.ts';

/** localStorage key of the panel sizes: view state of this browser, not part of any workspace. */
const KEY = 'spikelab.panelSizes.v1';

/** The sizes kept by an earlier visit ({} when none, or when storage is unavailable). */
export function readKeptPanelSizes(): PanelSizes {
  try {
    return parsePanelSizes(globalThis.localStorage?.getItem(KEY) ?? null);
  } catch {
    return {};
  }
}

/** Keeps the sizes for the next visit; a full or refused storage only loses the sizes. */
export function keepPanelSizes(sizes: PanelSizes): void {
  try {
    if (Object.keys(sizes).length === 0) globalThis.localStorage?.removeItem(KEY);
    else globalThis.localStorage?.setItem(KEY, JSON.stringify(sizes));
  } catch {
    // Sizes are a convenience: the layout's defaults hold without them.
  }
}
