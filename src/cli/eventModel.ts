import type { LabelledEvents } from '../core/trainingSets/eventFileSets.ts';
import type { ModelFile } from '../core/train/modelFile.ts';
import { inferShapes, shapeSize } from '../core/network/shapes.ts';
import { parseWorkspace } from '../core/spec/parseWorkspace.ts';
import { UsageError } from './io.ts';

/**
 * A model made ready to score labelled event recordings. A model imported from NIR carries a
 * built-in source and no class names: its source becomes an event file the size of its input
 * ([h, w, 2]: per-pixel, per-polarity counts), as long as the longest recording (zeros after the
 * end, as a padded batch), and its classes the labels 0…max of the data, which must match its
 * outputs. `binMs` sets the step (the events of each bin are counted); otherwise the model's.
 */
export function modelForEvents(model: ModelFile, samples: readonly LabelledEvents[], binMs: number | undefined, path: string): ModelFile {
  const ws = model.workspace;
  const input = ws.network.layers[0];
  let data = ws.data;
  if (data.kind !== 'event-file') {
    if (input?.kind !== 'input' || input.shape.length !== 3 || input.shape[2] !== 2) {
      throw new UsageError(`model '${path}' takes ${JSON.stringify(input?.kind === 'input' ? input.shape : [])}, not event-camera frames [height, width, 2]`);
    }
    const stepUs = (binMs ?? 1) * 1000;
    const span = samples.reduce((m, s) => Math.max(m, (s.events.t[s.events.t.length - 1] ?? 0) - (s.events.t[0] ?? 0) + 1), 1);
    data = { kind: 'event-file', file: 'events.bs2', checksum: '', width: input.shape[1], height: input.shape[0], downsample: 1, stepUs, startUs: 0, durationUs: Math.ceil(span / stepUs) * stepUs };
  } else if (binMs !== undefined) data = { ...data, stepUs: binMs * 1000 };
  let classes = model.classes;
  if (classes.length === 0) {
    const n = 1 + samples.reduce((m, s) => Math.max(m, s.label), 0);
    const outputs = shapeSize(inferShapes(ws.network).shapes[ws.network.layers.length - 1] ?? [0]);
    if (outputs !== n) throw new UsageError(`model '${path}' has ${outputs} outputs but the data is labelled 0–${n - 1} (${n} classes)`);
    classes = Array.from({ length: n }, (_, i) => String(i));
  }
  return { ...model, classes, workspace: parseWorkspace({ ...ws, data }) };
}
