import type { EventRecord } from '../../src/core/data/formats/eventsRecord.ts';
import { createRng } from '../../src/core/rng.ts';
import { parseWorkspace } from '../../src/core/spec/parseWorkspace.ts';
import { WORKSPACE_SCHEMA_VERSION, type Workspace } from '../../src/core/spec/workspace.ts';
import type { TrainingData } from '../../src/core/trainingSets/workspaceSets.ts';

/** Sensor side, steps and classes of the tiny event task. */
const SIDE = 4;
const STEPS = 10;
const STEP_US = 10_000;
export const EVENT_CLASSES = 4;

/**
 * A workspace that trains in about a second on `eventClassData`: a 4×4 event sensor (32 inputs:
 * two polarities), 16 LIF neurons, a membrane read-out of 4 classes.
 */
export function eventClassWorkspace(seed = 5, epochs = 8): Workspace {
  return parseWorkspace({
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    name: 'tiny event classes',
    seed,
    network: {
      layers: [
        { kind: 'input', name: 'events', shape: [SIDE * SIDE * 2] },
        { kind: 'dense', name: 'fc1', units: 16, weightGain: 2 },
        { kind: 'spiking', name: 'lif1', neuron: { model: 'lif', beta: 0.9 } },
        { kind: 'dense', name: 'fc2', units: EVENT_CLASSES, weightGain: 2 },
        { kind: 'readout', name: 'classes', mode: 'membrane', beta: 0.9, reduce: 'max' },
      ],
    },
    data: { kind: 'event-file', file: 'tiny.events', checksum: 'none', width: SIDE, height: SIDE, downsample: 1, stepUs: STEP_US, durationUs: STEPS * STEP_US },
    encoder: { kind: 'direct', gain: 1 },
    training: { epochs, batchSize: 8, learningRate: 0.01, loss: 'ceMaxMembrane', patience: 0, dataset: { kind: 'source-classes', perClass: 1, testPerClass: 1 } },
  });
}

/**
 * Labelled event recordings of four classes: class c fires ON events along row c of the sensor
 * (each pixel with probability 0.5 per step) over background noise (0.08 per pixel and step, either
 * polarity). Labels interleave; `testPerClass` of each class are flagged as test samples.
 */
export function eventClassData(perClass: number, testPerClass: number, seed = 1): TrainingData {
  const rng = createRng(seed, 'tiny-event-classes');
  const samples = [];
  for (let k = 0; k < perClass + testPerClass; k++)
    for (let c = 0; c < EVENT_CLASSES; c++) {
      const x: number[] = [];
      const y: number[] = [];
      const p: number[] = [];
      const t: number[] = [];
      for (let step = 0; step < STEPS; step++)
        for (let py = 0; py < SIDE; py++)
          for (let px = 0; px < SIDE; px++) {
            const row = py === c;
            if (rng.next() >= (row ? 0.5 : 0.08)) continue;
            x.push(px);
            y.push(py);
            p.push(row ? 1 : rng.int(2));
            t.push(step * STEP_US + rng.int(STEP_US));
          }
      // Events in time order, as a recording holds them; the first at time 0 anchors the window.
      const order = t.map((_, i) => i).sort((a, b) => (t[a] as number) - (t[b] as number));
      const first = t[order[0] ?? 0] ?? 0;
      const events: EventRecord = {
        format: 'synthetic',
        file: `class${c}-${k}`,
        width: SIDE,
        height: SIDE,
        x: Uint16Array.from(order, (i) => x[i] as number),
        y: Uint16Array.from(order, (i) => y[i] as number),
        p: Uint8Array.from(order, (i) => p[i] as number),
        t: Float64Array.from(order, (i) => (t[i] as number) - first),
      };
      samples.push({ name: events.file, events, label: c, test: k >= perClass });
    }
  return { kind: 'events', samples };
}
