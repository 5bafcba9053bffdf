import { z } from 'zod';
import { EngineError, SpecError } from '../errors.ts';
import { checkWeights, type NetworkWeights } from '../network/weights.ts';
import { parseWorkspace, zodIssues } from '../spec/parseWorkspace.ts';
import type { Workspace } from '../spec/workspace.ts';

/** A trained model: the workspace it was trained from, its weights and the metrics it reached. */
export interface ModelFile {
  readonly workspace: Workspace;
  readonly classes: readonly string[];
  readonly weights: NetworkWeights;
  readonly metrics: Readonly<Record<string, unknown>>;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of a Float32Array's little-endian bytes (no Buffer / btoa: the core runs everywhere). */
export function floatsToBase64(values: Float32Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    out += (B64[n >> 18] ?? '') + (B64[(n >> 12) & 63] ?? '') + (i + 1 < bytes.length ? (B64[(n >> 6) & 63] ?? '') : '=') + (i + 2 < bytes.length ? (B64[n & 63] ?? '') : '=');
  }
  return out;
}

/** Inverse of floatsToBase64; throws on characters outside the alphabet or a length not of float32s. */
export function base64ToFloats(text: string): Float32Array {
  const clean = text.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (const ch of clean) {
    const v = B64.indexOf(ch);
    if (v < 0) throw new SpecError([{ path: 'weights', message: `invalid base64 character '${ch}'` }]);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[o++] = (acc >> bits) & 0xff;
    }
  }
  if (o % 4 !== 0) throw new SpecError([{ path: 'weights', message: `${o} bytes is not a whole number of float32 values` }]);
  return new Float32Array(bytes.buffer, 0, o / 4);
}

const modelSchema = z.object({
  format: z.literal('spikelab-model'),
  version: z.literal(1),
  workspace: z.unknown(),
  classes: z.array(z.string()),
  weights: z.record(z.string(), z.object({ shape: z.array(z.number().int().positive()), data: z.string() })),
  metrics: z.record(z.string(), z.unknown()).default({}),
});

/** The JSON document of a model (weights as base64 float32). */
export function serializeModel(m: ModelFile): string {
  const weights = Object.fromEntries(Object.entries(m.weights).map(([k, w]) => [k, { shape: [...w.shape], data: floatsToBase64(w.values) }]));
  return JSON.stringify({ format: 'spikelab-model', version: 1, workspace: m.workspace, classes: m.classes, weights, metrics: m.metrics });
}

/** Parses and validates a model document; the workspace goes through parseWorkspace. */
export function parseModel(text: string): ModelFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new SpecError([{ path: '(root)', message: `not JSON: ${(e as Error).message}` }]);
  }
  const r = modelSchema.safeParse(doc);
  if (!r.success) throw new SpecError(zodIssues(r.error));
  const weights: Record<string, { shape: readonly number[]; values: Float32Array }> = {};
  for (const [k, w] of Object.entries(r.data.weights)) {
    const values = base64ToFloats(w.data);
    if (values.length !== w.shape.reduce((a, b) => a * b, 1)) throw new SpecError([{ path: `weights.${k}`, message: `${values.length} values do not fill shape [${w.shape.join(', ')}]` }]);
    weights[k] = { shape: w.shape, values };
  }
  const workspace = parseWorkspace(r.data.workspace);
  // Weights that fill their own shape may still not fit the network the file describes.
  try {
    checkWeights(workspace.network, weights);
  } catch (e) {
    if (e instanceof EngineError) throw new SpecError([{ path: 'weights', message: e.message }]);
    throw e;
  }
  return { workspace, classes: r.data.classes, weights, metrics: r.data.metrics };
}
