import { fileBase } from '../../modelDownload.ts';

/** A local time as a file-name stamp, YYYYMMDD-HHMM (sorts by time, no characters a file system refuses). */
export function fileStamp(when: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${when.getFullYear()}${p(when.getMonth() + 1)}${p(when.getDate())}-${p(when.getHours())}${p(when.getMinutes())}`;
}

/**
 * The name of an exported file, saying what and when: the plot, the workspace, what of it, the time.
 * `exportFileName('raster', 'ECG beats', 'spikes', 'csv', t)` → `raster-ECG-beats-spikes-20261206-0730.csv`.
 */
export function exportFileName(plot: string, workspaceName: string, what: string | null, ext: string, when: Date): string {
  return [plot, fileBase(workspaceName, 'workspace'), ...(what ? [what] : []), fileStamp(when)].join('-') + `.${ext}`;
}
