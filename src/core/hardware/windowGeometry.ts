import { convGeometry, poolGeometry, type WindowGeometry } from '../network/layerGeometry.ts';
import type { Conv2dLayerSpec, Pool2dLayerSpec } from '../spec/network.ts';

/** The resolved window of a conv2d or pool2d node on an h × w input (layerGeometry.ts owns the defaults). */
export function windowGeometry(op: Conv2dLayerSpec | Pool2dLayerSpec, h: number, w: number): WindowGeometry {
  return op.kind === 'conv2d' ? convGeometry(op, h, w) : poolGeometry(op, h, w);
}

/** Channels [first, last] of a conv's output that input channel `c` of `cIn` reaches (all filters unless grouped). */
export function filtersReached(op: Conv2dLayerSpec, c: number, cIn: number): [number, number] {
  const groups = op.groups ?? 1;
  const perGroup = op.filters / groups;
  const g = Math.floor(c / (cIn / groups));
  return [g * perGroup, (g + 1) * perGroup - 1];
}
