import { createRng } from '../../rng.ts';
import { syntheticDvsEvents } from '../builtinSources.ts';
import { eventsToInput } from '../fileSources.ts';
import { eventSourceWidth, syntheticDvsSourceSchema } from '../sourceSchemas.ts';
import { eventStepMs } from '../stepLength.ts';
import { DVS_CLASSES } from '../synth/dvsSynth.ts';
import type { DataSourceKind } from './types.ts';

/** Built-in event camera: a moving-shape scene rendered as events, fed like an event file. */
export const syntheticDvsSource: DataSourceKind<'synthetic-dvs'> = {
  kind: 'synthetic-dvs',
  schema: syntheticDvsSourceSchema,
  inputWidth: (ws) => eventSourceWidth({ ...ws.data, downsample: 1 }),
  stepMs: (ws) => eventStepMs(ws.data),
  prepare: (ws) => {
    const d = ws.data;
    const events = syntheticDvsEvents(d, createRng(ws.seed, 'data'));
    const enc = eventsToInput(events, 0, { width: d.width, height: d.height, downsample: 1, stepUs: d.stepUs, durationUs: d.durationMs * 1000 });
    return { source: { kind: 'events', events }, dtMs: eventStepMs(d), input: { ...enc, batch: 1 } };
  },
  classes: { param: 'scene', values: DVS_CLASSES },
};
