import { parseJsonText } from '../format/jsonText.ts';
import { quoteInput } from '../format/inputText.ts';
import { z } from 'zod';
import { EngineError, SpecError } from '../errors.ts';
import { checkWeights, firstNonFinite, type NetworkWeights } from '../network/weights.ts';
import { inferShapes, shapeSize } from '../network/shapes.ts';
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
    if (v < 0) throw new SpecError([{ path: 'weights', message: `invalid base64 character '${quoteInput(ch)}'` }]);
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

/** Weights as files store them: per layer a shape and base64 float32 little-endian data. */
const storedWeightsSchema = z.record(z.string(), z.object({ shape: z.array(z.number().int().positive()), data: z.string() }));

/**
 * Decodes stored weights (model and workspace files), refusing data that does not fill its shape
 * and NaN or ±Infinity, with the layer, the index and the byte offset in the decoded data: a
 * non-finite weight runs without error and silently changes every spike after it.
 */
export function decodeStoredWeights(stored: z.infer<typeof storedWeightsSchema>): NetworkWeights {
  const weights: Record<string, { shape: readonly number[]; values: Float32Array }> = {};
  for (const [k, w] of Object.entries(stored)) {
    const path = `weights.${k}.data`;
    const values = base64ToFloats(w.data);
    if (values.length !== w.shape.reduce((a, b) => a * b, 1)) throw new SpecError([{ path, message: `${values.length} values do not fill shape [${w.shape.join(', ')}]` }]);
    const bad = firstNonFinite(values);
    if (bad >= 0) throw new SpecError([{ path, message: `value ${bad} is ${values[bad]} (bytes ${4 * bad}–${4 * bad + 3} of the decoded float32 data); weights must be finite numbers` }]);
    weights[k] = { shape: w.shape, values };
  }
  return weights;
}

/** Size of the network's output (its last layer), against which a model's class names are counted. */
function outputWidth(ws: Workspace): number {
  const { shapes } = inferShapes(ws.network);
  return shapeSize(shapes[shapes.length - 1] ?? [0]);
}

const modelSchema = z.object({
  format: z.literal('spikelab-model'),
  version: z.literal(1),
  workspace: z.unknown(),
  classes: z.array(z.string()),
  weights: storedWeightsSchema,
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
    doc = parseJsonText(text, (key, path) => new SpecError([{ path, message: `the key '${key}' is not allowed in a model file` }]));
  } catch (e) {
    if (e instanceof SpecError) throw e;
    throw new SpecError([{ path: '(root)', message: `not JSON: ${(e as Error).message}` }]);
  }
  const r = modelSchema.safeParse(doc);
  if (!r.success) throw new SpecError(zodIssues(r.error));
  const weights = decodeStoredWeights(r.data.weights);
  const workspace = parseWorkspace(r.data.workspace);
  // Weights that fill their own shape may still not fit the network the file describes.
  try {
    checkWeights(workspace.network, weights);
  } catch (e) {
    if (e instanceof EngineError) throw new SpecError([{ path: 'weights', message: e.message }]);
    throw e;
  }
  // No names is a model without classes (an imported NIR network); names must then name every output.
  const classes = r.data.classes;
  const outputs = outputWidth(workspace);
  if (classes.length > 0 && classes.length !== outputs) throw new SpecError([{ path: 'classes', message: `the model names ${classes.length} classes but its network has ${outputs} outputs; each output needs one class name` }]);
  return { workspace, classes, weights, metrics: r.data.metrics };
}
