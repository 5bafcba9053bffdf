import { z } from 'zod';
import { formatPath } from '../spec/parseWorkspace.ts';
import type { LessonProblem } from './lessonProblems.ts';
import { byNearest, didYouMean, quoteList } from './lessonSpelling.ts';

/**
 * Turns zod's issues into a teacher's sentences: what is there, what was expected, and (for a
 * name) the nearest allowed one. The schema and the value are walked along the issue's path to
 * name the keys an object allows.
 */

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at a path of the data (undefined where the path leaves it). */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const k of path) v = isRecord(v) || Array.isArray(v) ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** Peels optional, default, nullable and pipe wrappers. */
function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  for (let i = 0; i < 8; i++) {
    if (cur instanceof z.ZodOptional || cur instanceof z.ZodDefault || cur instanceof z.ZodNullable) cur = cur.unwrap() as z.ZodType;
    else if (cur instanceof z.ZodPipe) cur = cur.in as z.ZodType;
    else break;
  }
  return cur;
}

/** The object schema that describes the data at `path` (a union picks the option the data's discriminator names). */
function objectAt(schema: z.ZodType, data: unknown, path: readonly PropertyKey[]): z.ZodObject | null {
  let s = unwrap(schema);
  for (let i = 0; i <= path.length; i++) {
    if (s instanceof z.ZodUnion) {
      const here = valueAt(data, path.slice(0, i));
      const options = s.options as readonly z.ZodType[];
      const pick = options.map(unwrap).find((o) => o instanceof z.ZodObject && isRecord(here) && Object.entries(o.shape).some(([k, f]) => f instanceof z.ZodLiteral && f.value === here[k]));
      if (!pick) return null;
      s = pick;
    }
    if (i === path.length) break;
    const key = path[i];
    if (s instanceof z.ZodObject && typeof key === 'string') s = unwrap((s.shape as Record<string, z.ZodType>)[key] ?? z.never());
    else if (s instanceof z.ZodArray) s = unwrap(s.element as z.ZodType);
    else if (s instanceof z.ZodRecord) s = unwrap(s.valueType as z.ZodType);
    else return null;
  }
  return s instanceof z.ZodObject ? s : null;
}

/** What a value is, for "expected a number, got …". */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing (the key is missing)';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the text "${v.length > 30 ? `${v.slice(0, 30)}…` : v}"`;
  return `${typeof v === 'number' ? 'the number' : 'the value'} ${String(v)}`;
}

const EXPECTED: Readonly<Record<string, string>> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text (in double quotes)',
  boolean: 'true or false',
  object: 'an object ({ … })',
  array: 'a list ([ … ])',
  literal: 'a fixed value',
};

/** One zod issue as problems (an unknown-keys issue becomes one problem per key). */
function problemsOf(issue: z.core.$ZodIssue, schema: z.ZodType, data: unknown, prefix: string): LessonProblem[] {
  const at = (path: readonly PropertyKey[]) => {
    const p = formatPath(path);
    return prefix ? (p === '(root)' ? prefix : `${prefix}${p.startsWith('[') ? '' : '.'}${p}`) : p;
  };
  const path = issue.path as PropertyKey[];
  const value = valueAt(data, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = Object.keys(objectAt(schema, data, path)?.shape ?? {});
      return issue.keys.map((key) => ({
        path: at([...path, key]),
        message: `unknown key '${key}'; ${didYouMean(key, allowed)}${allowed.length ? `the keys allowed here are: ${quoteList(allowed)}` : 'no other keys are allowed here'}`,
      }));
    }
    case 'invalid_type':
      return [{ path: at(path), message: `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describeValue(value)}` }];
    case 'invalid_value': {
      const options = issue.values.map(String);
      return [{ path: at(path), message: `${describeValue(value)} is not allowed; ${typeof value === 'string' ? didYouMean(value, options) : ''}it must be one of: ${quoteList(typeof value === 'string' ? byNearest(value, options) : options)}` }];
    }
    case 'invalid_union': {
      const note = issue as { options?: readonly unknown[] };
      if (note.options && typeof value === 'string') {
        const options = note.options.map(String);
        return [{ path: at(path), message: `unknown kind '${value}'; ${didYouMean(value, options)}the kinds are: ${byNearest(value, options).join(', ')}` }];
      }
      if (note.options) return [{ path: at(path), message: `expected one of: ${note.options.map(String).join(', ')}, got ${describeValue(value)}` }];
      return [{ path: at(path), message: `${describeValue(value)} matches none of the allowed forms` }];
    }
    case 'too_big':
      return [{ path: at(path), message: `${describeValue(value)} is too big: ${issue.origin === 'array' ? 'at most' : issue.inclusive ? 'at most' : 'below'} ${String(issue.maximum)}${issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : ''}` }];
    case 'too_small':
      return [{ path: at(path), message: `${describeValue(value)} is too small: ${issue.origin === 'array' ? 'at least' : issue.inclusive ? 'at least' : 'above'} ${String(issue.minimum)}${issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : ''}` }];
    default:
      return [{ path: at(path), message: issue.message }];
  }
}

/** Every issue of a failed parse as LessonProblems under `prefix` (`steps[2].task.params`). */
export function lessonProblemsOf(error: z.ZodError, schema: z.ZodType, data: unknown, prefix = ''): LessonProblem[] {
  return error.issues.flatMap((issue) => problemsOf(issue, schema, data, prefix));
}
