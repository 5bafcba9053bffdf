import { SpecError } from '../errors.ts';
import type { CompiledNetwork } from '../engine/types.ts';
import type { NetworkSpec } from '../spec/network.ts';
import { inferShapes } from './shapes.ts';
import { checkWeights, initWeights, type NetworkWeights } from './weights.ts';

/**
 * Prepares a validated network spec for an engine: shapes inferred once, weights checked (or drawn
 * from the seed when none are given, e.g. before training).
 */
export function compileNetwork(spec: NetworkSpec, weights: NetworkWeights | undefined, seed: number): CompiledNetwork {
  const { shapes, issues } = inferShapes(spec);
  if (issues.length > 0) throw new SpecError(issues);
  const w = weights ?? initWeights(spec, seed);
  checkWeights(spec, w);
  return { spec, shapes, weights: w };
}
