import { kindsWithClasses, sourceClasses } from '../data/sources/index.ts';
import { SpecError } from '../errors.ts';
import { prepareInput } from '../pipeline.ts';
import { createRng, type Rng } from '../rng.ts';
import type { Workspace } from '../spec/workspace.ts';
import type { SourceClassesDataset } from '../spec/trainingConfig.ts';
import type { LabelledSet } from '../data/datasets/labelledSet.ts';

/** Class names of a workspace's source, or a SpecError naming the sources that have classes. */
export function sourceClassNames(ws: Workspace): string[] {
  const c = sourceClasses(ws.data.kind);
  if (!c) throw new SpecError([{ path: 'data.kind', message: `'source-classes' training needs a source with classes (${kindsWithClasses().join(', ')}), not '${ws.data.kind}'` }]);
  return c.values.map(String);
}

/** Samples per class of a split: each generated with its own seed from `rng`, labels interleaved. */
function makeSet(ws: Workspace, perClass: number, rng: Rng): { set: LabelledSet; dtMs: number } {
  const c = sourceClasses(ws.data.kind);
  if (!c) throw new Error('unreachable: checked by sourceClassNames');
  const inputs: Float32Array[] = [];
  const labels = new Int32Array(perClass * c.values.length);
  let steps = 0;
  let neurons = 0;
  let dtMs = 1;
  for (let k = 0; k < perClass; k++)
    c.values.forEach((value, label) => {
      const seed = rng.int(0x7fffffff);
      const run = prepareInput({ ...ws, seed, data: { ...ws.data, [c.param]: value } as Workspace['data'] });
      if (steps !== 0 && (run.input.steps !== steps || run.input.neurons !== neurons)) throw new Error(`sample ${inputs.length} has ${run.input.steps} × ${run.input.neurons} inputs, the others ${steps} × ${neurons}`);
      steps = run.input.steps;
      neurons = run.input.neurons;
      dtMs = run.dtMs;
      labels[inputs.length] = label;
      inputs.push(run.input.values);
    });
  return { set: { inputs, labels, steps, neurons, classes: c.values.length }, dtMs };
}

/**
 * Train and test sets from a workspace's built-in source: `perClass` (and `testPerClass`) samples
 * of every class, each generated with a seed of its own and encoded as the page encodes the source,
 * so what the raster shows for one sample is exactly what the network was trained on.
 */
export function sourceClassSets(ws: Workspace, d: SourceClassesDataset): { train: LabelledSet; test: LabelledSet; dtMs: number; classes: string[]; description: string } {
  const classes = sourceClassNames(ws);
  const train = makeSet(ws, d.perClass, createRng(ws.seed, 'train-samples'));
  const test = makeSet(ws, d.testPerClass, createRng(ws.seed, 'test-samples'));
  return { train: train.set, test: test.set, dtMs: train.dtMs, classes, description: `${train.set.labels.length} ${ws.data.kind} samples (${classes.length} classes), tested on ${test.set.labels.length} new ones` };
}
