// The tensor files of a PyTorch export, in the safetensors layout (huggingface/safetensors): an
// 8-byte little-endian header length, a JSON header naming each tensor's dtype, shape and byte
// range, then the raw little-endian data. No pickles: any language reads it, and reading it runs
// no code. The exported project reads and writes it with a few lines of Python (no package).

import { DataFormatError } from '../../errors.ts';
import { parseJsonText } from '../../format/jsonText.ts';

/** The dtypes an export writes: float32 weights and inputs, int32 labels and indices. */
export type TensorDtype = 'F32' | 'I32';

/** One named tensor: its shape and its values, row-major. */
export interface NamedTensor {
  readonly shape: readonly number[];
  readonly data: Float32Array | Int32Array;
}

const dtypeOf = (data: Float32Array | Int32Array): TensorDtype => (data instanceof Float32Array ? 'F32' : 'I32');

/** JSON text as bytes, with every character past ASCII escaped (\uXXXX), so it is ASCII and so UTF-8. */
function asciiJsonBytes(value: unknown): Uint8Array {
  const text = JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // Aligned to 8 bytes with spaces (the format allows trailing whitespace), so the data is aligned.
  const padded = text.padEnd(Math.ceil(text.length / 8) * 8, ' ');
  return Uint8Array.from(padded, (c) => c.charCodeAt(0));
}

/** A safetensors file of the tensors (in the given order) and string metadata. */
export function safetensorsBytes(tensors: Readonly<Record<string, NamedTensor>>, metadata: Readonly<Record<string, string>> = {}): Uint8Array {
  const header: Record<string, unknown> = { __metadata__: metadata };
  let at = 0;
  for (const [name, t] of Object.entries(tensors)) {
    const count = t.shape.reduce((a, b) => a * b, 1);
    if (count !== t.data.length) throw new Error(`tensor '${name}': ${t.data.length} values do not fill shape [${t.shape.join(', ')}]`);
    header[name] = { dtype: dtypeOf(t.data), shape: [...t.shape], data_offsets: [at, at + t.data.byteLength] };
    at += t.data.byteLength;
  }
  const head = asciiJsonBytes(header);
  const out = new Uint8Array(8 + head.length + at);
  const view = new DataView(out.buffer);
  view.setUint32(0, head.length, true);
  view.setUint32(4, 0, true);
  out.set(head, 8);
  let o = 8 + head.length;
  // Typed arrays are host-endian; the file is little-endian, so each value goes through a DataView.
  for (const t of Object.values(tensors)) {
    const f = t.data instanceof Float32Array;
    for (let i = 0; i < t.data.length; i++, o += 4) {
      if (f) view.setFloat32(o, t.data[i] as number, true);
      else view.setInt32(o, t.data[i] as number, true);
    }
  }
  return out;
}

/** A parsed safetensors file: its float32 tensors by name and its metadata. */
export interface SafetensorsFile {
  readonly tensors: ReadonlyMap<string, { readonly shape: readonly number[]; readonly values: Float32Array }>;
  readonly metadata: Readonly<Record<string, string>>;
}

/** Most bytes a header may have (the format's own limit is 100 MB; ours holds a few names). */
const MAX_HEADER_BYTES = 16 * 1024 * 1024;

/**
 * Reads a safetensors file of float32 tensors, refusing (DataFormatError, with the byte offset) a
 * short file, a header that is not JSON or overruns the file, a dtype other than F32, and a byte
 * range that does not fit its shape or the file. Values are not checked here (NaN is the caller's).
 */
export function readSafetensors(bytes: Uint8Array, file: string): SafetensorsFile {
  const fail = (field: string, at: number, reason: string): never => {
    throw new DataFormatError(file, field, at, reason);
  };
  if (bytes.length < 8) fail('header length', 0, `the file has ${bytes.length} bytes; a safetensors file starts with an 8-byte header length`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const high = view.getUint32(4, true);
  const n = view.getUint32(0, true);
  if (high !== 0 || n > MAX_HEADER_BYTES) fail('header length', 0, `a header of ${high !== 0 ? 'over 4 GB' : `${n} bytes`} (at most ${MAX_HEADER_BYTES}): not a safetensors file`);
  if (8 + n > bytes.length) fail('header', 8, `the header says ${n} bytes but the file has ${bytes.length - 8} after the length (truncated?)`);
  let doc: unknown;
  try {
    doc = parseJsonText(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + n)));
  } catch (e) {
    fail('header', 8, `not JSON text (${e instanceof Error ? e.message : String(e)})`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return fail('header', 8, 'the header is not a JSON object');
  const dataStart = 8 + n;
  const dataBytes = bytes.length - dataStart;
  const tensors = new Map<string, { shape: number[]; values: Float32Array }>();
  let metadata: Record<string, string> = {};
  for (const [name, entry] of Object.entries(doc as Record<string, unknown>)) {
    if (name === '__metadata__') {
      if (typeof entry !== 'object' || entry === null || Object.values(entry).some((v) => typeof v !== 'string')) fail('__metadata__', 8, 'metadata must map names to strings');
      metadata = entry as Record<string, string>;
      continue;
    }
    const e = entry as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    if (e?.dtype !== 'F32') fail(`tensor '${name}'`, 8, `dtype ${JSON.stringify(e?.dtype)}; Spikelab's weights are float32 ('F32')`);
    const shape = e.shape;
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) return fail(`tensor '${name}'`, 8, 'its shape is not a list of whole numbers');
    const off = e.data_offsets;
    if (!Array.isArray(off) || off.length !== 2 || !off.every((d) => Number.isInteger(d) && d >= 0)) return fail(`tensor '${name}'`, 8, 'its data_offsets are not two whole numbers');
    const [begin, end] = off as [number, number];
    const count = (shape as number[]).reduce((a, b) => a * b, 1);
    if (end - begin !== count * 4) fail(`tensor '${name}'`, dataStart + begin, `bytes ${begin}–${end} hold ${(end - begin) / 4} floats, not the ${count} of shape [${shape.join(', ')}]`);
    if (end > dataBytes) fail(`tensor '${name}'`, dataStart + begin, `its data ends at byte ${end} of the data but the file holds ${dataBytes} (truncated?)`);
    const values = new Float32Array(count);
    for (let i = 0; i < count; i++) values[i] = view.getFloat32(dataStart + begin + 4 * i, true);
    tensors.set(name, { shape: shape as number[], values });
  }
  return { tensors, metadata };
}
