import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LESSON_CONTROLS, LESSON_FIGURES, LESSON_PANELS, LESSON_PRESET_IDS } from './lessonControls.ts';

const PRESET_DIR = fileURLToPath(new URL('../../../public/presets/', import.meta.url));

describe('lesson names', () => {
  it('lists exactly the preset workspaces in public/presets', () => {
    const files = readdirSync(PRESET_DIR).filter((f) => f.endsWith('.workspace.json')).map((f) => f.replace('.workspace.json', ''));
    expect([...LESSON_PRESET_IDS].sort()).toEqual(files.sort());
  });

  it('names only controls and panels the page marks: every name is on an element of src/ui (a renamed attribute fails here)', () => {
    const ui = fileURLToPath(new URL('../../ui/', import.meta.url));
    const pages = (readdirSync(ui, { recursive: true }) as string[]).filter((f) => f.endsWith('.tsx')).map((f) => readFileSync(join(ui, f), 'utf8'));
    const marked = (attribute: string) => new Set(pages.flatMap((text) => [...text.matchAll(new RegExp(`${attribute}="([^"]+)"`, 'g'))].map((m) => m[1] as string)));
    const controls = marked('data-lesson-control');
    for (const name of Object.keys(LESSON_CONTROLS)) expect(controls.has(name), `no element carries data-lesson-control="${name}"`).toBe(true);
    // Panels are also passed by name to the centre's wrapper (App.tsx's UnderTabs panel="…").
    const panels = new Set([...marked('data-lesson-panel'), ...marked('panel')]);
    for (const name of LESSON_PANELS) expect(panels.has(name), `no element carries data-lesson-panel="${name}"`).toBe(true);
    expect(Object.keys(LESSON_FIGURES)).toContain('surrogate');
  });
});
