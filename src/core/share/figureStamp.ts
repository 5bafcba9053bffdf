import { sha256Hex } from './sha256.ts';

/**
 * Longest link a figure carries as it is: 2,000 characters, the budget a preset workspace's link
 * keeps without weights (STYLE.md, "Link budget"), and about what a caption or a slide's note can
 * hold (some 14 lines of small print under a 600 px figure). Longer links — trained weights make
 * them 10–64 KB — are stamped with their hash instead (workspaceLinkHash).
 */
export const STAMP_LINK_LIMIT_CHARS = 2000;

/** Hex digits of the SHA-256 a long link is stamped with: 64 bits, no collision among anyone's figures. */
export const STAMP_HASH_HEX_DIGITS = 16;

/** The workspace part of a link: what follows '#' (the whole text when it has none). */
function fragmentOf(link: string): string {
  const at = link.indexOf('#');
  return at < 0 ? link : link.slice(at + 1);
}

/**
 * `sha256:<16 hex>` of a share link's fragment (the `w=v1.…` after '#', or the fragment itself),
 * so the same workspace hashes alike whichever host served the page. `spikelab link encode --json`
 * prints it too: a figure's hash can be checked against a workspace file.
 */
export function workspaceLinkHash(link: string): string {
  return `sha256:${sha256Hex(fragmentOf(link)).slice(0, STAMP_HASH_HEX_DIGITS)}`;
}

/** What a figure was made from: its workspace's share link (or why there is none), seed, engine, version. */
export interface StampSource {
  /** The share link (full URL) of the workspace, with its weights when the Share button would put them in. */
  readonly link: string | { readonly refused: string };
  readonly seed: number;
  /** The engine that produced what the figure shows (the run's engine, or the training backend). */
  readonly engine: string;
  /** Spikelab's version (package.json). */
  readonly version: string;
}

/** A figure's stamp: four labelled values, in the order they are printed. */
export interface FigureStamp {
  /** The link itself, `sha256:…` of a longer one, or `no link: <why>`. */
  readonly workspace: string;
  readonly seed: string;
  readonly engine: string;
  readonly spikelab: string;
}

/** The stamp of a figure made from `source`. */
export function figureStamp(source: StampSource): FigureStamp {
  const { link } = source;
  const workspace = typeof link !== 'string' ? `no link: ${link.refused}` : link.length <= STAMP_LINK_LIMIT_CHARS ? link : workspaceLinkHash(link);
  return { workspace, seed: String(source.seed), engine: source.engine, spikelab: source.version };
}

/** The stamp's keys in print order (one owner for SVG metadata, CSV comments and PNG text). */
export const STAMP_KEYS = ['workspace', 'seed', 'engine', 'spikelab'] as const satisfies readonly (keyof FigureStamp)[];

/** Line breaks would end a CSV comment or a caption line early: they become spaces. */
const oneLine = (v: string): string => v.replace(/[\r\n]+/g, ' ');

/** The stamp as `key: value` lines (no trailing newline). */
export function stampLines(stamp: FigureStamp): string[] {
  return STAMP_KEYS.map((k) => `${k}: ${oneLine(stamp[k])}`);
}

/** The stamp as leading CSV comment lines, `# key: value` each (pandas: `read_csv(f, comment='#')`). */
export function stampCsvComments(stamp: FigureStamp): string {
  return stampLines(stamp).map((l) => `# ${l}\n`).join('');
}

/** The stamp as one caption line: `workspace … · seed 1 · engine … · Spikelab 0.1.0`. */
export function stampCaption(stamp: FigureStamp): string {
  return `workspace ${oneLine(stamp.workspace)} · seed ${stamp.seed} · engine ${oneLine(stamp.engine)} · Spikelab ${stamp.spikelab}`;
}
