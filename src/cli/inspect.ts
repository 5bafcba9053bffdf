import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadFiles } from '../core/data/formats/loadFiles.ts';
import { formatDataWarning } from '../core/data/formats/dataWarnings.ts';
import { samplingRateProblem } from '../core/data/formats/samplingRate.ts';
import { summarize, type RecordSummary } from '../core/data/formats/summarize.ts';
import { EXIT, UsageError, type CliIo } from './io.ts';


/**
 * `spikelab inspect`: a summary per record. WFDB records are named by their .hea; the .dat and
 * .atr beside it (same folder, same record name) are read too. A bad file exits 2 with its error;
 * damage a reader read through (a checksum mismatch, a cut-off WAV) is printed as a warning line
 * under its record (and as `warnings` in the JSON), exit 0.
 */
export async function inspectCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false }, 'csv-hz': { type: 'string' } }, allowPositionals: true, strict: true });
  if (positionals.length === 0) throw new UsageError('name at least one file');
  const csvHz = values['csv-hz'] === undefined ? 1 : Number(values['csv-hz']);
  const csvHzProblem = samplingRateProblem(csvHz);
  if (csvHzProblem !== undefined) throw new UsageError(`--csv-hz must be a sampling rate, got '${values['csv-hz']}': ${csvHzProblem}`);
  const paths = new Set<string>();
  for (const p of positionals) {
    try {
      if (!statSync(p).isFile()) throw new UsageError(`'${p}' is not a file`);
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`cannot read '${p}': no such file`);
    }
    paths.add(p);
    // A .hea brings its record's .dat and .atr from the same folder.
    if (p.endsWith('.hea')) {
      const stem = p.slice(0, -4);
      for (const ext of ['.dat', '.atr']) {
        try {
          if (statSync(stem + ext).isFile()) paths.add(stem + ext);
        } catch {
          // absent: the header may name other data files, and annotations are optional
        }
      }
    }
  }
  const files = [...paths].map((p) => ({ name: p, bytes: new Uint8Array(readFileSync(p)) }));
  const summaries: RecordSummary[] = loadFiles(files, { csvSamplingHz: csvHz }).map(summarize);
  if (values.json) {
    io.out(JSON.stringify(summaries));
    return EXIT.ok;
  }
  for (const s of summaries) {
    const rate = s.sampling_hz === null ? '' : `, ${s.sampling_hz} Hz`;
    const extra = s.events !== undefined ? `, ${s.events} events on ${s.width}×${s.height}, ${s.t_first_us}–${s.t_last_us} µs` : s.dims ? `, dims ${s.dims.join(' × ')}` : '';
    io.out(`${s.file}: ${s.format}, ${s.channels} channels${rate}, ${s.samples} samples, ${s.duration_s.toFixed(3)} s${extra}`);
    const ann = Object.entries(s.annotations);
    if (ann.length > 0) io.out(`  annotations: ${ann.map(([k, v]) => `${k} ${v}`).join(', ')}`);
    for (const w of s.warnings) io.out(`  ${formatDataWarning(w)}`);
  }
  return EXIT.ok;
}
