import type { LessonContext } from '../lessonTypes.ts';

type RunLayers = NonNullable<LessonContext['run']>['layers'];

/**
 * The run's layer a task means: the named one, or the output — the last spiking layer of the
 * workspace's network that the run recorded (a read-out does not spike), else the run's last layer.
 */
export function runLayer(ctx: LessonContext, layers: RunLayers, name: string | undefined): RunLayers[number] | undefined {
  if (name !== undefined) return layers.find((l) => l.name === name);
  const spiking = new Set((ctx.workspace?.network.layers ?? []).filter((l) => l.kind === 'spiking').map((l) => l.name));
  return [...layers].reverse().find((l) => spiking.has(l.name)) ?? layers[layers.length - 1];
}

/** Said when a task needs the workspace's run and there is none. */
export const NO_RUN = 'The network has not finished a run yet — wait until the raster shows its spikes.';
