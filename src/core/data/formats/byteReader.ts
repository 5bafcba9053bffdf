import { DataFormatError } from '../../errors.ts';

/** Largest file a parser accepts (protects the tab); callers may pass a smaller limit. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

/**
 * Bounds-checked little/big-endian reads over a byte array. Every failure is a DataFormatError
 * naming the file, the field being read and its byte offset, so a truncated or hostile file can
 * never read out of range, loop forever or allocate from an unchecked length.
 */
export class ByteReader {
  readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    readonly file: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.bytes.length;
  }

  /** Throws unless [offset, offset + n) lies inside the file. */
  need(offset: number, n: number, field: string): void {
    if (!Number.isInteger(offset) || offset < 0 || n < 0 || offset + n > this.bytes.length) {
      throw new DataFormatError(this.file, field, Math.max(0, Math.min(offset, this.bytes.length)), `needs ${n} bytes but the file ends at byte ${this.bytes.length}`);
    }
  }

  fail(field: string, offset: number, reason: string): never {
    throw new DataFormatError(this.file, field, offset, reason);
  }

  u8(o: number, field: string): number {
    this.need(o, 1, field);
    return this.view.getUint8(o);
  }
  u16le(o: number, field: string): number {
    this.need(o, 2, field);
    return this.view.getUint16(o, true);
  }
  i16le(o: number, field: string): number {
    this.need(o, 2, field);
    return this.view.getInt16(o, true);
  }
  u16be(o: number, field: string): number {
    this.need(o, 2, field);
    return this.view.getUint16(o, false);
  }
  u32le(o: number, field: string): number {
    this.need(o, 4, field);
    return this.view.getUint32(o, true);
  }
  i32le(o: number, field: string): number {
    this.need(o, 4, field);
    return this.view.getInt32(o, true);
  }
  u32be(o: number, field: string): number {
    this.need(o, 4, field);
    return this.view.getUint32(o, false);
  }
  i32be(o: number, field: string): number {
    this.need(o, 4, field);
    return this.view.getInt32(o, false);
  }
  f32le(o: number, field: string): number {
    this.need(o, 4, field);
    return this.view.getFloat32(o, true);
  }

  /** Latin-1 text of n bytes (EDF headers and WFDB are ASCII); trailing spaces kept. */
  ascii(o: number, n: number, field: string): string {
    this.need(o, n, field);
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(this.bytes[o + i] as number);
    return s;
  }
}

/** Refuses files over the size limit with a message the user can act on. */
export function checkSize(bytes: Uint8Array, file: string, limit = MAX_FILE_BYTES): void {
  if (bytes.length > limit) {
    throw new DataFormatError(file, 'file size', 0, `${(bytes.length / 2 ** 20).toFixed(0)} MB is over the ${(limit / 2 ** 20).toFixed(0)} MB limit of the browser tab`);
  }
}

/** Decodes UTF-8 text; bad sequences become U+FFFD rather than throwing. */
export function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
