import { z } from 'zod';
import { LinkError } from '../errors.ts';
import { zodIssues } from '../spec/parseWorkspace.ts';
import type { Workspace } from '../spec/workspace.ts';
import { MAX_WEIGHT_BITS, MIN_WEIGHT_BITS, type QuantisedLayer } from './weightQuantisation.ts';

/**
 * The JSON header of a link container: the workspace document (validated later by parseWorkspace,
 * exactly like a file) and, when weights travel, how the payload codes them.
 */
const linkHeaderSchema = z.object({
  workspace: z.unknown(),
  weights: z
    .object({
      bits: z.number().int().min(MIN_WEIGHT_BITS).max(MAX_WEIGHT_BITS),
      layers: z
        .array(
          z.object({
            name: z.string().max(64),
            // Bounded so that sizes multiply to a safe integer; the payload length check does the rest.
            shape: z.array(z.number().int().positive().max(1_000_000_000)).min(1).max(4),
            scale: z.number(),
          }),
        )
        .max(64),
    })
    .optional(),
});

/** A header as the decoder reads it. */
export interface LinkHeader {
  readonly workspace: unknown;
  readonly weights?: { readonly bits: number; readonly layers: readonly QuantisedLayer[] };
}

/** The header of a workspace and, optionally, its quantised weights' description. */
export function linkHeader(ws: Workspace, weights?: { bits: number; layers: readonly QuantisedLayer[] }): LinkHeader {
  return weights ? { workspace: ws, weights: { bits: weights.bits, layers: weights.layers } } : { workspace: ws };
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
