import { eventsToInput } from '../data/fileSources.ts';
import { fixedSourceStepMs } from '../data/sources/index.ts';
import type { EventRecord } from '../data/formats/eventsRecord.ts';
import { SpecError } from '../errors.ts';
import type { Workspace } from '../spec/workspace.ts';
import type { LabelledSet } from '../data/datasets/labelledSet.ts';

/** One labelled event recording (an N-MNIST sample), and whether it belongs to the test set. */
export interface LabelledEvents {
  readonly name: string;
  readonly events: EventRecord;
  readonly label: number;
  readonly test: boolean;
}

/**
 * Labelled event recordings as a set of `classes` classes, each fed as the workspace's event
 * source feeds one (its sensor size, downsampling, step and duration; from its own first event).
 */
export function eventSet(ws: Workspace, samples: readonly LabelledEvents[], classes: number): LabelledSet {
  if (ws.data.kind !== 'event-file') throw new SpecError([{ path: 'data.kind', message: `event recordings train a workspace whose source is 'event-file', not '${ws.data.kind}'` }]);
  const src = ws.data;
  const big = samples.find((s) => s.events.width > src.width || s.events.height > src.height);
  if (big) throw new SpecError([{ path: 'data.width', message: `${big.name} is ${big.events.width}×${big.events.height}, larger than the workspace's ${src.width}×${src.height} sensor` }]);
  // As the page feeds a file: from its first event plus the source's start offset.
  const enc = samples.map((s) => eventsToInput(s.events, (s.events.t[0] ?? 0) + src.startUs, src));
  return { inputs: enc.map((e) => e.values), labels: Int32Array.from(samples, (s) => s.label), steps: enc[0]?.steps ?? 1, neurons: enc[0]?.neurons ?? 0, classes };
}

/**
 * Labelled event recordings (see `eventSet`), split by each sample's test flag. Classes are
 * 0…max label (the ten digits for N-MNIST).
 */
export function eventFileSets(ws: Workspace, samples: readonly LabelledEvents[]): { train: LabelledSet; test: LabelledSet; dtMs: number; classes: string[]; description: string } {
  if (ws.data.kind !== 'event-file') throw new SpecError([{ path: 'data.kind', message: `event recordings train a workspace whose source is 'event-file', not '${ws.data.kind}'` }]);
  const src = ws.data;
  const classes = 1 + samples.reduce((m, s) => Math.max(m, s.label), 0);
  const train = samples.filter((s) => !s.test);
  const test = samples.filter((s) => s.test);
  const dtMs = fixedSourceStepMs(ws);
  if (test.length === 0) throw new SpecError([{ path: 'training.dataset', message: `no test samples among ${samples.length} event recordings (list them in a test*.txt label file)` }]);
  return {
    train: eventSet(ws, train, classes),
    test: eventSet(ws, test, classes),
    dtMs,
    classes: Array.from({ length: classes }, (_, i) => String(i)),
    description: `${samples.length} event recordings (${src.width}×${src.height}, ${dtMs} ms steps): ${train.length} training, ${test.length} test`,
  };
}
