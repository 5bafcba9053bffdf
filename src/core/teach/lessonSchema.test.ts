import { describe, expect, it } from 'vitest';
import { validateLesson, validateLessonText } from './lessonSchema.ts';

/** A small valid lesson to break one thing at a time. */
const lesson = () => ({
  format: 1,
  id: 'tiny',
  title: 'Tiny',
  summary: 'One step.',
  steps: [
    {
      title: 'Fire',
      text: 'Make it fire.',
      view: 'neuron',
      highlight: 'pg-input',
      playground: { neuron: { model: 'lif', tauMemMs: 20 }, input: { kind: 'step', amplitude: 0.08, startMs: 20, endMs: 80 }, durationMs: 100, dtMs: 1 },
      task: { kind: 'playground-spike-count', goal: 'Fire 5.', params: { count: 5 } },
    },
  ],
});
type Doc = ReturnType<typeof lesson> & Record<string, unknown>;
const problems = (doc: unknown, presets?: readonly string[]) => {
  const v = validateLesson(doc, presets ? { presets } : {});
  if (v.ok) throw new Error('expected problems');
  return v.problems;
};

describe('validateLesson', () => {
  it('accepts a valid lesson and fills the defaults (no pair, the model defaults)', () => {
    const v = validateLesson(lesson());
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.lesson.steps[0]?.playground?.pair).toBeNull();
    expect(v.lesson.steps[0]?.playground?.neuron).toMatchObject({ model: 'lif', threshold: 1, reset: 'subtract' });
    expect(v.lesson.steps[0]?.task?.params).toEqual({ count: 5 });
  });

  it("refuses a typo'd key by name and suggests the key meant", () => {
    const doc: Doc = lesson();
    const step = doc.steps[0] as Record<string, unknown>;
    step.hightlight = step.highlight;
    delete step.highlight;
    const [p, ...rest] = problems(doc);
    expect(rest).toEqual([]);
    expect(p?.path).toBe('steps[0].hightlight');
    expect(p?.message).toMatch(/^unknown key 'hightlight'; did you mean 'highlight'\? the keys allowed here are: 'title', 'text', 'view'/);
  });

  it('names unknown keys deep inside: the input shape and the neuron', () => {
    const doc = lesson();
    (doc.steps[0]?.playground.input as Record<string, unknown>).amplitdue = 1;
    (doc.steps[0]?.playground.neuron as Record<string, unknown>).treshold = 1;
    const ps = problems(doc);
    expect(ps).toContainEqual({ path: 'steps[0].playground.input.amplitdue', message: expect.stringContaining("did you mean 'amplitude'?") });
    expect(ps).toContainEqual({ path: 'steps[0].playground.neuron.treshold', message: expect.stringContaining("did you mean 'threshold'?") });
  });

  it('refuses a view-open task for the view its own step opens: it would pass before the student acts', () => {
    const doc = lesson();
    doc.steps[0]!.task = { kind: 'view-open', goal: 'Open it.', params: { view: 'neuron' } } as never;
    expect(problems(doc)).toEqual([{ path: 'steps[0].task.params.view', message: expect.stringMatching(/^this step opens the neuron view itself, so the task would be done before the student acts/) }]);
    doc.steps[0]!.task = { kind: 'view-open', goal: 'Open it.', params: { view: 'chip' } } as never;
    expect(validateLesson(doc).ok).toBe(true);
  });

  it('lists the task kinds nearest first for an unknown kind', () => {
    const doc = lesson();
    (doc.steps[0] as { task: { kind: string } }).task.kind = 'playground-spikecount';
    const [p] = problems(doc);
    expect(p?.path).toBe('steps[0].task.kind');
    expect(p?.message).toMatch(/^unknown task kind 'playground-spikecount'; did you mean 'playground-spike-count'\? the kinds are \(nearest first\): playground-spike-count, /);
  });

  it("checks a task's params with its kind's schema, with the path into params", () => {
    const doc = lesson();
    doc.steps[0]!.task.params = { count: 'five' } as never;
    expect(problems(doc)).toEqual([{ path: 'steps[0].task.params.count', message: 'expected a number, got the text "five"' }]);
    doc.steps[0]!.task.params = { cuont: 5 } as never;
    expect(problems(doc)[0]).toEqual({ path: 'steps[0].task.params.cuont', message: expect.stringMatching(/^unknown key 'cuont'; did you mean 'count'\?/) });
    doc.steps[0]!.task.params = { count: 5, min: 2 } as never;
    expect(problems(doc)[0]?.message).toBe("give either 'count' (exactly) or 'min'/'max' (a range), not both");
    doc.steps[0]!.task.params = { count: 5, model: 'lfi' } as never;
    expect(problems(doc)[0]?.message).toMatch(/^unknown neuron model 'lfi'; did you mean 'lif'\?/);
  });

  it('says "did you mean" for controls, panels, figures, views and presets', () => {
    const doc: Doc = lesson();
    Object.assign(doc.steps[0] as object, { highlight: 'pg-inptu', panels: ['nueron'], figure: 'surogate', view: 'chips', preset: 'ecg-synth' });
    const byPath = Object.fromEntries(problems(doc, ['default', 'ecg-synthetic']).map((p) => [p.path, p.message]));
    expect(byPath['steps[0].highlight']).toMatch(/^unknown control 'pg-inptu'; did you mean 'pg-input'\?/);
    expect(byPath['steps[0].panels[0]']).toMatch(/did you mean 'neuron'\?/);
    expect(byPath['steps[0].figure']).toMatch(/did you mean 'surrogate'\?/);
    expect(byPath['steps[0].view']).toMatch(/did you mean 'chip'\?/);
    expect(byPath['steps[0].preset']).toBe("unknown preset 'ecg-synth'; did you mean 'ecg-synthetic'? the presets are: 'ecg-synthetic', 'default'");
  });

  it('refuses a highlighted control that the step’s view does not show', () => {
    const doc: Doc = lesson();
    Object.assign(doc.steps[0] as object, { view: 'chip' });
    expect(problems(doc)[0]?.message).toContain("'pg-input' is in the neuron view but this step opens the chip view");
  });

  it('says what type was expected', () => {
    const doc = { ...lesson(), title: 5, format: 2 };
    expect(problems(doc)).toEqual([
      { path: 'format', message: 'the number 2 is not allowed; it must be one of: \'1\'' },
      { path: 'title', message: 'expected text (in double quotes), got the number 5' },
    ]);
  });

  it('refuses more than 60 steps before parsing them', () => {
    const doc = { ...lesson(), steps: Array.from({ length: 61 }, () => 'not even a step') };
    expect(problems(doc)).toEqual([{ path: 'steps', message: '61 steps; a lesson has at most 60 — split it into two lessons' }]);
  });

  it('refuses a step text over its budget, and a deeply nested file without recursing', () => {
    const long = lesson();
    long.steps[0]!.text = 'x'.repeat(5000);
    expect(problems(long)).toEqual([{ path: 'steps[0].text', message: '5000 characters; at most 4000 here — keep it short or split the step in two' }]);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(problems({ ...lesson(), extra: deep })[0]?.message).toContain('nested more than 12 levels deep');
  });

  it('refuses a huge list, a long key and a __proto__ key by name', () => {
    expect(problems({ ...lesson(), extra: new Array(60_000).fill(0) })[0]).toEqual({ path: 'extra', message: 'more than 50000 values in the file; a lesson is a few steps of text — is this the right file?' });
    expect(problems({ ...lesson(), ['k'.repeat(100)]: 1 })[0]?.message).toBe('a key of 100 characters; keys are short names such as "highlight"');
    const v = validateLessonText(JSON.stringify(lesson()).replace('"format"', '"__proto__": {"polluted": true}, "format"'));
    expect(!v.ok && v.problems[0]?.path).toBe('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses text that is not JSON, or too long, saying so', () => {
    const v = validateLessonText('{"format": 1,}');
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems[0]?.message).toMatch(/^not valid JSON: .* — check for a missing comma or quote, or a trailing comma$/);
    const big = validateLessonText(' '.repeat(300_000));
    expect(!big.ok && big.problems[0]?.message).toBe('300000 characters; a lesson file has at most 256000');
    expect(validateLessonText(JSON.stringify(lesson())).ok).toBe(true);
  });

  it('refuses a bad id and a playground run too long to draw', () => {
    const doc = { ...lesson(), id: 'My Lesson' };
    expect(problems(doc)[0]).toEqual({ path: 'id', message: 'an id is lower-case words (letters, digits) joined by single hyphens, e.g. "spikes-and-membranes"' });
    const slow = lesson();
    slow.steps[0]!.playground.dtMs = 0.001;
    expect(problems(slow)[0]?.path).toBe('steps[0].playground.dtMs');
  });
});
