import { eventsFromFile, eventsToInput } from '../fileSources.ts';
import { eventFileSourceSchema, eventSourceWidth } from '../sourceSchemas.ts';
import { eventStepMs } from '../stepLength.ts';
import type { DataSourceKind } from './types.ts';

/** A time window of a dropped event-camera file, fed as events (no encoder): one frame of `stepUs` per step. */
export const eventFileSource: DataSourceKind<'event-file'> = {
  kind: 'event-file',
  schema: eventFileSourceSchema,
  inputWidth: (ws) => eventSourceWidth(ws.data),
  stepMs: (ws) => eventStepMs(ws.data),
  prepare: (ws, files) => {
    const { events, t0 } = eventsFromFile(ws.data, files);
    const enc = eventsToInput(events, t0, ws.data);
    return { source: { kind: 'events', events }, dtMs: eventStepMs(ws.data), input: { ...enc, batch: 1 } };
  },
};
