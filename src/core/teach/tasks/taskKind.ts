import { z } from 'zod';
import type { LessonContext, TaskVerdict } from '../lessonTypes.ts';

/**
 * One kind of task a lesson can set: what it checks (one line, for the format doc and the
 * validator's messages), its parameters' schema (strict: a typo'd key is refused by name), an
 * example of its params, and the check itself, a pure function of the page's context.
 */
export interface TaskKind<S extends z.ZodType = z.ZodType> {
  readonly summary: string;
  readonly params: S;
  readonly example: Readonly<Record<string, unknown>>;
  readonly check: (params: z.output<S>, ctx: LessonContext) => TaskVerdict;
}

/** A task kind with its parameter type erased, as the registry holds it: `run` parses, then checks. */
export interface RegisteredTaskKind {
  readonly summary: string;
  readonly params: z.ZodType;
  readonly example: Readonly<Record<string, unknown>>;
  readonly run: (params: unknown, ctx: LessonContext) => TaskVerdict;
}

/** Registers a kind: keeps its typed check behind a parse of its own schema. */
export function defineTask<S extends z.ZodType>(kind: TaskKind<S>): RegisteredTaskKind {
  return {
    summary: kind.summary,
    params: kind.params,
    example: kind.example,
    run: (params, ctx) => {
      const parsed = kind.params.safeParse(params);
      // The validator refuses bad params before a lesson is shown; this guards a hand-built task.
      if (!parsed.success) return { done: false, feedback: `This task's settings are invalid (${parsed.error.issues[0]?.message ?? 'bad params'}); tell the lesson's author.` };
      return kind.check(parsed.data, ctx);
    },
  };
}

/** A count asked for: exactly `count`, or between `min` and `max` (either may be absent, not both). */
export const countTarget = {
  count: z.number().int().min(0).max(100_000).optional(),
  min: z.number().int().min(0).max(100_000).optional(),
  max: z.number().int().min(0).max(100_000).optional(),
};

/** The count part of a task's params. */
export interface CountTarget {
  readonly count?: number | undefined;
  readonly min?: number | undefined;
  readonly max?: number | undefined;
}

/** Refinement of a count target: exactly one of `count` or a range, and a range that is not empty. */
export function checkCountTarget(p: CountTarget, ctx: z.RefinementCtx): void {
  const range = p.min !== undefined || p.max !== undefined;
  if (p.count !== undefined && range) ctx.addIssue({ code: 'custom', message: "give either 'count' (exactly) or 'min'/'max' (a range), not both" });
  else if (p.count === undefined && !range) ctx.addIssue({ code: 'custom', message: "give 'count' (exactly that many) or 'min' and/or 'max' (a range)" });
  else if (p.min !== undefined && p.max !== undefined && p.min > p.max) ctx.addIssue({ code: 'custom', path: ['max'], message: `max (${p.max}) is below min (${p.min})` });
}

/** Whether `n` meets the target. */
export function meetsCount(n: number, p: CountTarget): boolean {
  if (p.count !== undefined) return n === p.count;
  return (p.min === undefined || n >= p.min) && (p.max === undefined || n <= p.max);
}

/** The target in words: "exactly 5", "between 3 and 6", "at least 2", "at most 10". */
export function describeCount(p: CountTarget): string {
  if (p.count !== undefined) return `exactly ${p.count}`;
  if (p.min !== undefined && p.max !== undefined) return `between ${p.min} and ${p.max}`;
  if (p.min !== undefined) return `at least ${p.min}`;
  return `at most ${p.max ?? 0}`;
}

/** "1 spike", "7 spikes". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
