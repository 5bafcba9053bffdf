import { describe, expect, it } from 'vitest';
import { exportFileName, fileStamp } from './exportNames.ts';

describe('export file names', () => {
  const when = new Date(2026, 11, 6, 7, 5);

  it('fileStamp writes the local date and time as YYYYMMDD-HHMM', () => {
    expect(fileStamp(when)).toBe('20261206-0705');
  });

  it('exportFileName says which plot, which workspace, what and when, with only safe characters', () => {
    expect(exportFileName('raster', 'ECG beats (synthetic): train', 'spikes', 'csv', when)).toBe('raster-ECG-beats-synthetic-train-spikes-20261206-0705.csv');
    expect(exportFileName('training-curves', '', null, 'svg', when)).toBe('training-curves-workspace-20261206-0705.svg');
  });
});
