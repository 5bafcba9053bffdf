import { SpecError } from '../../../src/core/errors.ts';
import { inferShapes, shapeSize } from '../../../src/core/network/shapes.ts';
import { checkWeights, type NetworkWeights } from '../../../src/core/network/weights.ts';
import { parseWorkspace } from '../../../src/core/spec/parseWorkspace.ts';
import type { Workspace } from '../../../src/core/spec/workspace.ts';
import { checkWorkspaceBudgets } from '../../../src/core/spec/workspaceBudgets.ts';
import fc from 'fast-check';
import { budgetedCall, budgetProblems, describeThrown } from './budgetedCall.ts';
import { MAX_MESSAGE_CHARS } from './judgeRead.ts';
import { knownDefectOf } from './knownDefects.ts';
import type { RecordProblem } from './recordValidity.ts';

/** What a workspace, workspace-file or model parser returned, in the parts the property checks. */
export interface ParsedSpec {
  readonly workspace: Workspace;
  readonly weights?: NetworkWeights | undefined;
  readonly classes?: readonly string[] | undefined;
}

/** Problems of a parsed workspace (and its weights and class names): all must hold together. */
export function specProblems(p: ParsedSpec): RecordProblem[] {
  const out: RecordProblem[] = [];
  try {
    const again = parseWorkspace(JSON.parse(JSON.stringify(p.workspace)));
    if (JSON.stringify(again) !== JSON.stringify(p.workspace)) out.push({ code: 'not-idempotent', detail: 'parsing the parsed workspace again gives another workspace' });
  } catch (e) {
    out.push({ code: 'not-idempotent', detail: `the parsed workspace does not parse again: ${describeThrown(e)}` });
  }
  try {
    checkWorkspaceBudgets(p.workspace);
  } catch (e) {
    // Over a budget is an answer (BudgetError is a SpecError); anything else is a crash.
    if (!(e instanceof SpecError)) out.push({ code: 'untyped-error', detail: `checkWorkspaceBudgets threw ${describeThrown(e)}` });
  }
  if (p.weights) {
    try {
      checkWeights(p.workspace.network, p.weights);
    } catch (e) {
      out.push({ code: 'weights-shape', detail: describeThrown(e) });
    }
    const bad = Object.entries(p.weights).find(([, w]) => !w.values.every(Number.isFinite));
    if (bad) out.push({ code: 'weights-not-finite', detail: `weights of '${bad[0]}' are not all finite` });
  }
  if (p.classes) {
    const shapes = inferShapes(p.workspace.network).shapes;
    const outputs = shapeSize(shapes[shapes.length - 1] ?? [0]);
    if (p.classes.length !== outputs) out.push({ code: 'model-classes', detail: `${p.classes.length} class names for ${outputs} outputs` });
  }
  return out;
}

/** Problems of a refusal: a SpecError whose every issue has a path and a message, and a short message. */
export function specRefusalProblems(e: unknown): RecordProblem[] {
  if (!(e instanceof SpecError)) return [{ code: 'untyped-error', detail: describeThrown(e) }];
  const out: RecordProblem[] = [];
  if (e.issues.length === 0 || e.issues.some((i) => typeof i.path !== 'string' || i.message.trim() === '')) out.push({ code: 'issue-path', detail: `issues without a path or message: ${JSON.stringify(e.issues).slice(0, 200)}` });
  if (e.message.length > MAX_MESSAGE_CHARS) out.push({ code: 'long-message', detail: `${e.message.length} characters: ${e.message.slice(0, 120)}…` });
  return out;
}

/**
 * The property of the workspace, workspace-file and model parsers: a result that holds together
 * (specProblems) or a SpecError naming JSON paths, within the time and memory budget, leaving
 * Object.prototype alone. Known defects of other issue-26 parts are discarded as in judgeRead.
 */
export function judgeSpec(parser: string, parse: () => ParsedSpec): 'valid' | 'refused' {
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).join();
  const o = budgetedCall(parse);
  const problems: RecordProblem[] = budgetProblems(o).map((detail) => ({ code: 'budget', detail }));
  problems.push(...(o.ok ? specProblems(o.value) : specRefusalProblems(o.error)));
  if (Object.getOwnPropertyNames(Object.prototype).join() !== prototypeKeys) problems.push({ code: 'prototype', detail: 'Object.prototype was changed' });
  const unknown = problems.filter((p) => !knownDefectOf(parser, p.code));
  if (unknown.length > 0) throw new Error(`${parser} ${o.ok ? 'returned' : 'threw'}: ${unknown.map((p) => `[${p.code}] ${p.detail}`).join('; ')}`);
  fc.pre(problems.length === 0);
  return o.ok ? 'valid' : 'refused';
}
