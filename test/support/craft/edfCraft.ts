/**
 * Builders of EDF, EDF+ and BDF bytes for tests and the hostile-input probe: a header that says
 * exactly what the caller asks (however absurd), then the data records the caller gives.
 */

/** One signal header; omitted ranges are a 16-bit (EDF) or 24-bit (BDF) identity scale. */
export interface EdfSignalSpec {
  readonly label: string;
  readonly samplesPerRecord: number;
  readonly physicalMin?: number;
  readonly physicalMax?: number;
  readonly digitalMin?: number;
  readonly digitalMax?: number;
}

/** What the file holds: its header fields, and the bytes after the header (data records). */
export interface EdfSpec {
  readonly signals: readonly EdfSignalSpec[];
  readonly records: number;
  readonly durationS?: number;
  /** The 44-byte reserved field: 'EDF+C' for EDF+, '' for plain EDF. */
  readonly reserved?: string;
  readonly bdf?: boolean;
  /** Overrides the header-bytes field (to lie about it). */
  readonly headerBytes?: number;
  readonly data: Uint8Array;
}

const ascii = (s: string, n: number) => s.slice(0, n).padEnd(n);

/** The bytes of an EDF/BDF file built from `spec`, nothing checked. */
export function craftEdf(spec: EdfSpec): Uint8Array {
  const ns = spec.signals.length;
  const bdf = spec.bdf ?? false;
  const dmin = bdf ? -8388608 : -32768;
  const dmax = bdf ? 8388607 : 32767;
  const each = (n: number, f: (s: EdfSignalSpec) => string | number) => spec.signals.map((s) => ascii(String(f(s)), n)).join('');
  const header =
    ascii(bdf ? ' BIOSEMI' : '0', 8) +
    ascii('X X X X', 80) +
    ascii('Startdate X X X X', 80) +
    ascii('01.01.01', 8) +
    ascii('00.00.00', 8) +
    ascii(String(spec.headerBytes ?? 256 * (ns + 1)), 8) +
    ascii(spec.reserved ?? '', 44) +
    ascii(String(spec.records), 8) +
    ascii(String(spec.durationS ?? 1), 8) +
    ascii(String(ns), 4) +
    each(16, (s) => s.label) +
    each(80, () => '') +
    each(8, () => 'uV') +
    each(8, (s) => s.physicalMin ?? dmin) +
    each(8, (s) => s.physicalMax ?? dmax) +
    each(8, (s) => s.digitalMin ?? dmin) +
    each(8, (s) => s.digitalMax ?? dmax) +
    each(80, () => '') +
    each(8, (s) => s.samplesPerRecord) +
    each(32, () => '');
  const out = new Uint8Array(header.length + spec.data.length);
  for (let i = 0; i < header.length; i++) out[i] = header.charCodeAt(i);
  if (bdf) out[0] = 0xff;
  out.set(spec.data, header.length);
  return out;
}

/**
 * An EDF+C file with one annotation signal and one data record whose TAL list holds `count`
 * annotations (each 'A' at +1 s), after the record's time-keeping TAL.
 */
export function edfWithAnnotations(count: number): Uint8Array {
  const tals = '+0\x14\x14\x00' + '+1\x14A\x14\x00'.repeat(count);
  const samples = Math.ceil(tals.length / 2);
  const data = new Uint8Array(samples * 2);
  for (let i = 0; i < tals.length; i++) data[i] = tals.charCodeAt(i);
  return craftEdf({ signals: [{ label: 'EDF Annotations', samplesPerRecord: samples }], records: 1, reserved: 'EDF+C', data });
}
