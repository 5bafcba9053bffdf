import { metricsJson } from '../core/train/evaluate.ts';
import { serializeModel } from '../core/train/modelFile.ts';
import { currentWeights } from './runController.ts';
import type { useStore } from './store/index.ts';

/** Offers text (JSON), bytes or a Blob as a file download (a blob URL on a temporary link). */
export function download(name: string, content: string | Uint8Array<ArrayBuffer> | Blob, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from a workspace name: letters, digits, - and _ only, at most 60 characters. */
export function fileBase(name: string, fallback: string): string {
  return name.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60) || fallback;
}

/**
 * Downloads the workspace with its trained weights as a model file (the format of
 * `spikelab train --out`, which "Open model…" reads back). Returns false when there are no
 * trained weights that fit the current network.
 */
export function saveModelFile(store: typeof useStore): boolean {
  const st = store.getState();
  const ws = st.workspace;
  const weights = ws ? currentWeights(store, ws) : undefined;
  if (!ws || !weights) return false;
  // The classes the weights were tested on; none when they were not (opened, imported): a model
  // file's class names must match its outputs, so five AAMI names on any network would not do.
  const classes = st.testClasses;
  const metrics = st.testMetrics ? metricsJson(st.testMetrics, classes) : {};
  download(`${fileBase(ws.name, 'model')}.model.json`, serializeModel({ workspace: ws, classes: [...classes], weights, metrics }));
  return true;
}
