import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chipIds } from '../../src/core/hardware/chips/index.ts';
import { LESSON_CONTROLS, LESSON_FIGURES, LESSON_PANELS, LESSON_PRESET_IDS } from '../../src/core/teach/lessonControls.ts';
import { formatLessonProblems, validateLesson, validateLessonText } from '../../src/core/teach/lessonSchema.ts';
import { checkTask, TASK_KINDS } from '../../src/core/teach/taskChecks.ts';
import { blankContext, playgroundPart } from '../support/lessonSolutions.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(ROOT, 'public', 'lessons', 'README.md'), 'utf8');

describe('the lesson format documentation (public/lessons/README.md)', () => {
  it('documents every task kind, control, panel, figure, chip and preset by name', () => {
    for (const kind of Object.keys(TASK_KINDS)) expect(readme, kind).toContain(`**\`${kind}\`**`);
    for (const name of [...Object.keys(LESSON_CONTROLS), ...LESSON_PANELS, ...Object.keys(LESSON_FIGURES), ...chipIds(), ...LESSON_PRESET_IDS]) expect(readme, name).toContain(`\`${name}\``);
  });

  it("documents no task kind the registry lacks, and each kind's examples pass its own schema", () => {
    const documented = [...readme.matchAll(/^\*\*`([a-z-]+)`\*\* —/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(TASK_KINDS).sort());
    for (const section of readme.split(/^\*\*`/m).slice(1)) {
      const kind = section.slice(0, section.indexOf('`'));
      const examples = [...section.split('\n\n')[0]!.matchAll(/`(\{[^`]*\})`/g)].map((m) => JSON.parse(m[1] as string) as unknown);
      expect(examples.length, kind).toBeGreaterThan(0);
      for (const ex of examples) expect(TASK_KINDS[kind]?.params.safeParse(ex).success, `${kind} ${JSON.stringify(ex)}`).toBe(true);
    }
  });

  it('has a whole-lesson example that validates', () => {
    const example = readme.match(/```json\n([\s\S]*?)```/)?.[1] ?? '';
    const v = validateLessonText(example);
    expect(v.ok, v.ok ? '' : formatLessonProblems(v.problems)).toBe(true);
  });
});

describe('a lesson written by hand from the documentation (test/fixtures/lessons/hand-written.lesson.json)', () => {
  const text = readFileSync(join(ROOT, 'test', 'fixtures', 'lessons', 'hand-written.lesson.json'), 'utf8');

  it('validates: 3 steps, 2 task kinds', () => {
    const v = validateLessonText(text, { presets: LESSON_PRESET_IDS });
    expect(v.ok, v.ok ? '' : formatLessonProblems(v.problems)).toBe(true);
    if (!v.ok) return;
    expect(v.lesson.steps).toHaveLength(3);
    expect(new Set(v.lesson.steps.flatMap((s) => (s.task ? [s.task.kind] : [])))).toEqual(new Set(['playground-spike-count', 'view-open']));
  });

  it('runs: its noise task fails at the start and passes with a higher mean; its view task passes in the chip view', () => {
    const v = validateLesson(JSON.parse(text));
    if (!v.ok) throw new Error(formatLessonProblems(v.problems));
    const [, noise, chip] = v.lesson.steps;
    if (!noise?.task || !noise.playground || !chip?.task) throw new Error('steps missing');
    const start = checkTask(noise.task, blankContext({ playground: playgroundPart(noise.playground) }));
    expect(start.done, start.feedback).toBe(false);
    const means = [0.03, 0.04, 0.05, 0.06];
    const verdicts = means.map((mean) => checkTask(noise.task!, blankContext({ playground: playgroundPart({ ...noise.playground!, input: { kind: 'noise', mean, sd: 0.1, seed: 3 } }) })));
    expect(verdicts.some((x) => x.done), verdicts.map((x) => x.feedback).join('\n')).toBe(true);
    expect(checkTask(chip.task, blankContext({ view: 'chip' })).done).toBe(true);
    expect(checkTask(chip.task, blankContext()).done).toBe(false);
  });
});
