import { describe, expect, it } from 'vitest';
import { precacheManifest } from './precacheManifest.ts';

const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });
const build = [file('index.html', '<html>'), file('assets/index-a1.js', 'run()'), file('presets/default.workspace.json', '{}'), file('sw.js', 'old worker')];

describe('precacheManifest', () => {
  it('lists every file of the build, sorted, except the worker itself', async () => {
    const m = await precacheManifest(build);
    expect(m.files).toEqual(['assets/index-a1.js', 'index.html', 'presets/default.workspace.json']);
    expect(m.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives the same version to the same files in any order, and ignores the worker script', async () => {
    const a = await precacheManifest(build);
    const b = await precacheManifest([...build].reverse().map((f) => (f.path === 'sw.js' ? file('sw.js', 'another worker') : f)));
    expect(b.version).toBe(a.version);
  });

  it('changes the version when one byte of one file changes, a file is renamed, or bytes move between files', async () => {
    const base = (await precacheManifest(build)).version;
    const edited = await precacheManifest(build.map((f) => (f.path === 'presets/default.workspace.json' ? file(f.path, '{ }') : f)));
    const renamed = await precacheManifest(build.map((f) => (f.path === 'assets/index-a1.js' ? file('assets/index-a2.js', 'run()') : f)));
    const moved = await precacheManifest([file('index.html', 'ab'), file('x', 'c')]);
    const movedBack = await precacheManifest([file('index.html', 'a'), file('x', 'bc')]);
    expect(new Set([base, edited.version, renamed.version]).size).toBe(3);
    expect(moved.version).not.toBe(movedBack.version);
  });

  it('refuses a build without index.html, which every offline navigation is answered with', async () => {
    await expect(precacheManifest([file('assets/a.js', '')])).rejects.toThrow(/no index\.html/);
  });
});
