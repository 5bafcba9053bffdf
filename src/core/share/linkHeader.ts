import { z } from 'zod';
import { LinkError } from '../errors.ts';
import { zodIssues } from '../spec/parseWorkspace.ts';
import type { Workspace } from '../spec/workspace.ts';
import type { ExactLayer } from './exactWeights.ts';
import { MAX_WEIGHT_BITS, MIN_WEIGHT_BITS, type QuantisedLayer } from './weightQuantisation.ts';

const layerName = z.string().max(64);
// Bounded so that sizes multiply to a safe integer; the payload length check does the rest.
const layerShape = z.array(z.number().int().positive().max(1_000_000_000)).min(1).max(4);

/** Quantised weights (every link before exact weights, and links where float32 would not fit). */
const quantisedSchema = z.object({
  bits: z.number().int().min(MIN_WEIGHT_BITS).max(MAX_WEIGHT_BITS),
  layers: z.array(z.object({ name: layerName, shape: layerShape, scale: z.number() })).max(64),
});

/** Exact float32 weights: a `coding` key that older pages do not know, so they refuse rather than misread. */
const exactSchema = z.object({
  coding: z.literal('float32'),
  layers: z.array(z.object({ name: layerName, shape: layerShape })).max(64),
});

/**
 * The JSON header of a link container: the workspace document (validated later by parseWorkspace,
 * exactly like a file) and, when weights travel, how the payload codes them.
 */
const linkHeaderSchema = z.object({
  workspace: z.unknown(),
  weights: z.union([exactSchema, quantisedSchema]).optional(),
});

/** How a link's payload codes its weights: quantised codes with a scale per layer, or float32 values. */
export type WeightsHeader = { readonly bits: number; readonly layers: readonly QuantisedLayer[] } | { readonly coding: 'float32'; readonly layers: readonly ExactLayer[] };

/** A header as the decoder reads it. */
export interface LinkHeader {
  readonly workspace: unknown;
  readonly weights?: WeightsHeader;
}

/**
 * The workspace as a link carries it: without its training runs. A link shares how to reproduce a
 * result, and the receiver's page trains its own runs; the author's run log (up to 50 runs with
 * their curves, tens of kilobytes) would break the 2,000-character budget of a preset's link. The
 * workspace file and autosave keep the runs.
 */
export function sharedWorkspace(ws: Workspace): Workspace {
  const copy = { ...ws };
  delete copy.runs;
  return copy;
}

/** The header of a workspace and, optionally, its weights' description (a quantised header keeps the v1 form exactly). */
export function linkHeader(ws: Workspace, weights?: WeightsHeader): LinkHeader {
  if (!weights) return { workspace: sharedWorkspace(ws) };
  return { workspace: sharedWorkspace(ws), weights: 'coding' in weights ? { coding: weights.coding, layers: weights.layers } : { bits: weights.bits, layers: weights.layers } };
}

/** Validates a parsed header; LinkError 'json' names the field that is wrong. */
export function readLinkHeader(value: unknown): LinkHeader {
  const r = linkHeaderSchema.safeParse(value);
  if (!r.success) {
    const issues = zodIssues(r.error);
    throw new LinkError('json', `the header is malformed: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
  const { workspace, weights } = r.data;
  return weights ? { workspace, weights } : { workspace };
}
