import { useRef, useState } from 'react';
import { useClient } from '../../clientContext.ts';
import { exportNirFile, importNirFile, type NirOutcome } from '../../share/nirIo.ts';
import { useStore } from '../../store/index.ts';
import { explainError } from '../../../../workers/explainError.ts';

/**
 * Export the network as NIR (for snnTorch, Norse, Sinabs, Rockpool, Lava and the chips they
 * target) or import a NIR file as a new workspace. Both run in the worker.
 */
export function NirControls() {
  const client = useClient();
  const input = useRef<HTMLInputElement>(null);
  const ready = useStore((s) => s.workspace !== null);
  const [busy, setBusy] = useState(false);
  const run = async (job: Promise<NirOutcome>) => {
    setBusy(true);
    try {
      const outcome = await job;
      const notes = outcome.notes.length > 0 ? ` (${outcome.notes.length} note${outcome.notes.length === 1 ? '' : 's'}: ${outcome.notes.join('; ')})` : '';
      useStore.getState().showNotice('nir', `${outcome.message}${notes}`, !outcome.ok, outcome.detail);
    } catch (e) {
      const shown = explainError(e, 'the NIR export or import');
      useStore.getState().showNotice('nir', shown.message, true, shown.detail);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="model-file">
      <button type="button" data-testid="nir-export" disabled={!ready || busy} onClick={() => void run(exportNirFile(useStore, client))} title="download the network and weights as a NIR graph (HDF5)">
        Export NIR
      </button>
      <button type="button" data-testid="nir-import" disabled={busy} onClick={() => input.current?.click()} title="open a NIR file from snnTorch, Norse, Sinabs, Rockpool, Lava or Spikelab">
        Import NIR…
      </button>
      <input
        ref={input}
        type="file"
        accept=".nir,.h5,.hdf5"
        hidden
        data-testid="nir-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void run(importNirFile(useStore, client, f));
        }}
      />
      {busy ? <span className="hint">working…</span> : null}
    </div>
  );
}
