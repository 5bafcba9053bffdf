import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LESSON_CONTROLS, LESSON_FIGURES, LESSON_PANELS, LESSON_PRESET_IDS } from './lessonControls.ts';

const PRESET_DIR = fileURLToPath(new URL('../../../public/presets/', import.meta.url));

describe('lesson names', () => {
  it('lists exactly the preset workspaces in public/presets', () => {
    const files = readdirSync(PRESET_DIR).filter((f) => f.endsWith('.workspace.json')).map((f) => f.replace('.workspace.json', ''));
    expect([...LESSON_PRESET_IDS].sort()).toEqual(files.sort());
  });

  it('has the controls and panels of the shared contract, and the surrogate figure', () => {
    expect(Object.keys(LESSON_CONTROLS)).toEqual(['pg-model', 'pg-params', 'pg-input', 'pg-patterns', 'pg-pair', 'pg-fi', 'pg-equation', 'pg-playback', 'playback', 'raster', 'encoder', 'train', 'test-accuracy', 'chip-select', 'chip-energy', 'graph', 'inspector']);
    expect(LESSON_PANELS).toEqual(['lesson', 'data', 'graph', 'spikes', 'neuron', 'chip', 'inspector', 'metrics', 'train']);
    expect(Object.keys(LESSON_FIGURES)).toContain('surrogate');
  });
});
