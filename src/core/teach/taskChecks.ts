import type { LessonContext, LessonTask, TaskVerdict } from './lessonTypes.ts';
import { chipMapping, weightReads } from './tasks/chipTasks.ts';
import { actionDone, testAccuracy, viewOpen } from './tasks/pageTasks.ts';
import { playgroundPattern } from './tasks/patternTask.ts';
import { pairSecondSpikes, playgroundSpikeCount } from './tasks/playgroundTasks.ts';
import type { RegisteredTaskKind } from './tasks/taskKind.ts';
import { cursorOnFirstSpike, encoderSpikes, layerNeuronModel } from './tasks/workspaceTasks.ts';

export type { RegisteredTaskKind } from './tasks/taskKind.ts';

/**
 * The only registry of task kinds: a lesson's `task.kind` is a key here. Each kind has a one-line
 * summary, a strict params schema (the validator checks a lesson's params with it) and a pure
 * check of the page's LessonContext. Adding a kind: one file in tasks/, one line here, its tests,
 * and its entry in public/lessons/README.md.
 */
export const TASK_KINDS: Readonly<Record<string, RegisteredTaskKind>> = {
  'playground-spike-count': playgroundSpikeCount,
  'playground-pattern': playgroundPattern,
  'pair-second-spikes': pairSecondSpikes,
  'encoder-spikes': encoderSpikes,
  'cursor-on-first-spike': cursorOnFirstSpike,
  'test-accuracy': testAccuracy,
  'chip-mapping': chipMapping,
  'weight-reads': weightReads,
  'layer-neuron-model': layerNeuronModel,
  'action-done': actionDone,
  'view-open': viewOpen,
};

/**
 * Checks a task against what the page shows. The validator refuses unknown kinds, so a kind
 * missing here is a hand-built task: it is not done, and the feedback says why.
 */
export function checkTask(task: LessonTask, ctx: LessonContext): TaskVerdict {
  const kind = Object.hasOwn(TASK_KINDS, task.kind) ? TASK_KINDS[task.kind] : undefined;
  if (!kind) return { done: false, feedback: `Unknown task kind '${task.kind}'; tell the lesson's author.` };
  return kind.run(task.params, ctx);
}
