import { expect } from 'vitest';
import { EngineError, LinkError } from '../../../src/core/errors.ts';
import { checkWeights } from '../../../src/core/network/weights.ts';
import { decodeWorkspaceLink, type DecodedLink } from '../../../src/core/share/linkCodec.ts';
import { parseWorkspace } from '../../../src/core/spec/parseWorkspace.ts';
import { checkWorkspaceBudgets } from '../../../src/core/spec/workspaceBudgets.ts';
import { budgetedCall, budgetProblems, describeThrown } from './budgetedCall.ts';
import { MAX_MESSAGE_CHARS } from './judgeRead.ts';

const STAGES = new Set(['size', 'prefix', 'version', 'base64', 'inflate', 'container', 'json', 'workspace', 'weights']);

/** Problems of a decoded link: its workspace must be one a file would give, its weights fit and finite. */
function decodedProblems(d: DecodedLink): string[] {
  const out: string[] = [];
  try {
    expect(parseWorkspace(JSON.parse(JSON.stringify(d.workspace)))).toEqual(d.workspace);
    checkWorkspaceBudgets(d.workspace);
  } catch (e) {
    out.push(`the decoded workspace does not validate again: ${describeThrown(e)}`);
  }
  if (d.weights) {
    try {
      checkWeights(d.workspace.network, d.weights);
    } catch (e) {
      out.push(e instanceof EngineError ? `weights do not fit: ${e.message}` : describeThrown(e));
    }
    for (const [name, w] of Object.entries(d.weights)) if (!w.values.every(Number.isFinite)) out.push(`weights of '${name}' are not all finite`);
  }
  return out;
}

/**
 * The link property: decodeWorkspaceLink gives a workspace that validates again (with weights
 * that fit and are finite), or throws a LinkError naming its stage — never anything else, never
 * over the time and memory budget, never touching Object.prototype. Returns the outcome's stage
 * ('ok' when decoded) for statistics.
 */
export function judgeLink(text: string): string {
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).length;
  const o = budgetedCall(() => decodeWorkspaceLink(text));
  const problems = budgetProblems(o);
  if (o.ok) problems.push(...decodedProblems(o.value));
  else if (!(o.error instanceof LinkError)) problems.push(`threw ${describeThrown(o.error)}`);
  else {
    if (!STAGES.has(o.error.stage) || o.error.reason.trim() === '') problems.push(`a LinkError without a stage or reason: ${o.error.message}`);
    if (o.error.message.length > MAX_MESSAGE_CHARS) problems.push(`a message of ${o.error.message.length} characters`);
  }
  if (Object.getOwnPropertyNames(Object.prototype).length !== prototypeKeys) problems.push('Object.prototype was changed');
  if (problems.length > 0) throw new Error(`link of ${text.length} characters: ${problems.join('; ')}`);
  return o.ok ? 'ok' : (o.error as LinkError).stage;
}
