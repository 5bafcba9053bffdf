/** Spikelab's version (package.json), put in at build time by Vite's `define` (vite.config.ts): figures are stamped with it. */
export const SPIKELAB_VERSION = String(import.meta.env.SPIKELAB_VERSION);
