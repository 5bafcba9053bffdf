import { useState } from 'react';
import type { LoadedRecord } from '../../core/data/fileStore.ts';
import { SAMPLING_HZ_RANGE, samplingRateProblem } from '../../core/data/formats/samplingRate.ts';
import { rememberDropped } from '../droppedFiles.ts';
import { useClient } from '../clientContext.ts';
import { keptFileDb } from '../keptFiles/keptFileDb.ts';
import { keepDropped } from '../keptFiles/keptFiles.ts';
import { useStore } from '../store/index.ts';
import { KeptFiles } from './KeptFiles.tsx';
import { chooseSource } from './sourceChoice.ts';
import { ErrorDetails } from '../errors/ErrorDetails.tsx';
import { explainError } from '../../../workers/explainError.ts';

/** Largest drop accepted at once: the tab's memory, not the formats, is the limit. */
const MAX_DROP_BYTES = 512 * 1024 * 1024;

/** Reads a file chunk by chunk, reporting bytes read, into one array of its size. */
async function readWithProgress(file: File, onBytes: (n: number) => void): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value, n);
    n += value.length;
    onBytes(n);
  }
  return n === out.length ? out : out.subarray(0, n);
}

/**
 * Shows what was dropped: unless the workspace already reads one of these files (it then runs
 * again by itself, see runController), the first file becomes the source, as one undoable edit.
 */
function showDropped(records: readonly LoadedRecord[]): void {
  const ws = useStore.getState().workspace;
  const reading = ws && 'checksum' in ws.data ? ws.data.checksum : undefined;
  const first = records[0];
  if (!first || records.some((r) => r.checksum === reading)) return;
  chooseSource(useStore, first.checksum, `show dropped ${first.name.replace(/^.*[\\/]/, '')}`);
}

/**
 * Drop zone and file picker: files dropped together go to the worker in one call, so a WFDB
 * .hea/.dat/.atr triple is matched by record name. Refused files are explained; nothing already
 * loaded is lost.
 */
export function FileDrop() {
  const client = useClient();
  const status = useStore((s) => s.fileStatus);
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState(0);
  const [csvHz, setCsvHz] = useState(250);
  const load = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const files = [...list];
    const total = files.reduce((a, f) => a + f.size, 0);
    const { addLoaded, setFileStatus } = useStore.getState();
    if (total > MAX_DROP_BYTES) {
      setFileStatus({ ok: false, message: `${(total / 2 ** 20).toFixed(0)} MB is more than this tab can hold (${MAX_DROP_BYTES / 2 ** 20} MB); drop fewer files` });
      return;
    }
    setBusy('Reading');
    setProgress(0);
    try {
      let done = 0;
      const named = [];
      for (const f of files) {
        named.push({ name: f.name, bytes: await readWithProgress(f, (n) => setProgress((done + n) / total)) });
        done += f.size;
      }
      setBusy('Parsing');
      setProgress(0);
      const records = await client.addFiles(named, (d, t) => setProgress(d / t), { csvSamplingHz: csvHz });
      addLoaded(records);
      rememberDropped(files);
      showDropped(records);
      const loaded = `loaded ${records.map((r) => r.name).join(', ')}`;
      setFileStatus({ ok: true, message: loaded });
      const notKept = await keepDropped(useStore, keptFileDb(), files, csvHz);
      if (notKept) setFileStatus({ ok: true, message: `${loaded}; ${notKept}` });
    } catch (e) {
      const shown = explainError(e, `reading ${files.map((f) => f.name).join(', ').slice(0, 120)}`);
      setFileStatus({ ok: false, message: shown.message, ...(shown.detail === undefined ? {} : { detail: shown.detail }) });
    } finally {
      setBusy(null);
    }
  };
  return (
    <div
      className={`drop-zone${over ? ' over' : ''}`}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void load(e.dataTransfer.files);
      }}
    >
      <label>
        {busy ? `${busy}… ` : 'Drop files here or '}
        {busy ? <progress data-testid="file-progress" value={progress} max={1} /> : null}
        <input type="file" multiple data-testid="file-input" onChange={(e) => void load(e.target.files)} aria-label="choose data files" />
      </label>
      <div className="hint">WFDB (.hea + .dat + .atr), EDF/BDF, N-MNIST, AEDAT 2/3.1, WAV, IDX, CSV</div>
      <label className="hint">
        CSV/TSV sampling rate (Hz){' '}
        <input type="number" className="csv-hz" min={SAMPLING_HZ_RANGE.min} max={SAMPLING_HZ_RANGE.max} step="any" value={csvHz} onChange={(e) => setCsvHz(samplingRateProblem(Number(e.target.value)) === undefined ? Number(e.target.value) : csvHz)} aria-label="sampling rate of CSV files" />
      </label>
      {status ? (
        <div className={status.ok ? 'hint' : 'field-error'} role={status.ok ? 'status' : 'alert'} data-testid="file-status">
          {status.message}
          <ErrorDetails detail={status.detail} />
        </div>
      ) : null}
      <KeptFiles />
    </div>
  );
}
