import { deflateSync, strToU8 } from 'fflate';
import { LinkError, SpecError } from '../errors.ts';
import type { NetworkWeights } from '../network/weights.ts';
import { parseWorkspace } from '../spec/parseWorkspace.ts';
import type { Workspace } from '../spec/workspace.ts';
import { checkWorkspaceBudgets } from '../spec/workspaceBudgets.ts';
import { base64urlToBytes, bytesToBase64url } from './base64url.ts';
import { boundedInflate } from './boundedInflate.ts';
import { packContainer, unpackContainer } from './linkContainer.ts';
import { formatFragment, readFragment } from './linkFragment.ts';
import { linkHeader, readLinkHeader } from './linkHeader.ts';
import { linkedFiles, type LinkedFile } from './linkedFiles.ts';
import { parseLinkJson } from './safeJson.ts';
import { packExactWeights, unpackExactWeights } from './exactWeights.ts';
import { dequantiseWeights, MAX_WEIGHT_BITS, MIN_WEIGHT_BITS, quantiseWeights } from './weightQuantisation.ts';

/** Characters a preset workspace's link may take without weights (STYLE.md, "Link budget"). */
export const PRESET_LINK_BUDGET_CHARS = 2000;
/** Most characters of any link (fragment without '#'), with weights: 64 KB. Longer ones are refused. */
export const MAX_LINK_CHARS = 65_536;
/** Most bytes a link may inflate to; a decompression bomb is stopped here. */
export const MAX_INFLATED_BYTES = 8 * 1024 * 1024;
/** Most bytes of the JSON header: far above any workspace, far below what would stall a page. */
const MAX_HEADER_BYTES = 1024 * 1024;
/** Bits per weight of the last quantised attempt when the caller does not say. */
export const DEFAULT_WEIGHT_BITS = 8;
/**
 * Without `weightBits`, weights travel exactly (float32) when the link stays within its budget,
 * else quantised to these bits, finest first: the receiver's spikes then match the author's, or
 * come as close as the budget allows.
 */
export const FALLBACK_WEIGHT_BITS: readonly number[] = [16, DEFAULT_WEIGHT_BITS];
/** `weightBits` of exact float32 weights. */
export const EXACT_WEIGHT_BITS = 32;

/** Choices of encodeWorkspaceLink. */
export interface LinkOptions {
  /** Bits per quantised weight, 2–16; absent: exact float32 when it fits, else FALLBACK_WEIGHT_BITS. */
  readonly weightBits?: number;
  /** Budget of the whole fragment in characters (default and at most MAX_LINK_CHARS). */
  readonly maxChars?: number;
}

/** A link, ready to put after '#', with what went into it. */
export interface EncodedLink {
  /** `w=v1.<base64url>`; the page's URL is `…#` + fragment. */
  readonly fragment: string;
  /** Length of the fragment, to show before copying. */
  readonly chars: number;
  readonly weightsIncluded: boolean;
  /** Bits per weight when weights are included: 32 for exact float32 values. */
  readonly weightBits?: number;
  /** True when the weights travel bit for bit (float32): the receiver simulates exactly the author's network. */
  readonly weightsExact?: boolean;
  /** Why weights that were given are not included (the link would be too long). */
  readonly reason?: string;
}

/** What a link held, validated: the workspace (through parseWorkspace), weights and files to ask for. */
export interface DecodedLink {
  readonly workspace: Workspace;
  readonly weights?: NetworkWeights;
  /** 32 for exact float32 weights, else the bits they were quantised to. */
  readonly weightBits?: number;
  readonly files: readonly LinkedFile[];
}

function toFragment(container: Uint8Array): string {
  return formatFragment(bytesToBase64url(deflateSync(container, { level: 9 })));
}

function headerBytes(header: unknown): Uint8Array {
  return strToU8(JSON.stringify(header));
}

/**
 * Encodes a workspace, and optionally its trained weights, into a URL fragment. Without
 * `weightBits` the weights go in exactly (float32) if the whole link stays within the budget, else
 * quantised to 16, then 8 bits; with `weightBits`, quantised to that. If no coding fits, the link
 * carries the workspace alone and `reason` says to send a workspace file. Throws LinkError
 * 'weights' for weights that do not fit the network, and 'size' for a workspace too large for any link.
 */
export function encodeWorkspaceLink(ws: Workspace, weights?: NetworkWeights, options: LinkOptions = {}): EncodedLink {
  const maxChars = Math.min(options.maxChars ?? MAX_LINK_CHARS, MAX_LINK_CHARS);
  const bare = toFragment(packContainer({ header: headerBytes(linkHeader(ws)), payload: new Uint8Array(0) }));
  if (bare.length > MAX_LINK_CHARS) throw new LinkError('size', `this workspace alone needs ${bare.length} characters, more than a link may hold (${MAX_LINK_CHARS}); send a workspace file instead`);
  if (!weights) return { fragment: bare, chars: bare.length, weightsIncluded: false };
  const asked = options.weightBits;
  if (asked !== undefined && (!Number.isInteger(asked) || asked < MIN_WEIGHT_BITS || asked > MAX_WEIGHT_BITS)) throw new LinkError('weights', `weights can be quantised to ${MIN_WEIGHT_BITS}–${MAX_WEIGHT_BITS} bits, not ${asked}`);
  // Checks the weights against the network first (LinkError 'weights'), whatever coding goes in.
  const exact = packExactWeights(ws.network, weights);
  const attempts = asked !== undefined ? [asked] : [EXACT_WEIGHT_BITS, ...FALLBACK_WEIGHT_BITS];
  let reason = '';
  for (const bits of attempts) {
    const coded = bits === EXACT_WEIGHT_BITS ? exact : quantiseWeights(ws.network, weights, bits);
    const what = bits === EXACT_WEIGHT_BITS ? 'exact (float32) weights' : `${bits}-bit weights`;
    // Skip compressing what the decoder would refuse anyway.
    const container = coded.payload.length > MAX_INFLATED_BYTES ? undefined : packContainer({ header: headerBytes(linkHeader(ws, coded)), payload: coded.payload });
    if (!container || container.length > MAX_INFLATED_BYTES) {
      reason = `with ${what} the link would unpack to ${container?.length ?? coded.payload.length} bytes, more than the ${MAX_INFLATED_BYTES} a link may`;
      continue;
    }
    const full = toFragment(container);
    if (full.length <= maxChars) return { fragment: full, chars: full.length, weightsIncluded: true, weightBits: bits, weightsExact: bits === EXACT_WEIGHT_BITS };
    reason = `with ${what} the link would be ${full.length} characters, over the ${maxChars}-character limit`;
  }
  return { fragment: bare, chars: bare.length, weightsIncluded: false, reason: `${reason}; the link carries the workspace only: send a workspace file to share the trained weights` };
}

/**
 * Decodes a link (a whole URL, a fragment, or the bare `v1.…` value): size cap → prefix and
 * version → base64url → capped inflate → container and CRC → JSON (no prototype keys) →
 * parseWorkspace (validated and migrated exactly like a file) → weights checked against the
 * network. Every refusal is a LinkError naming the stage; nothing else is thrown.
 */
export function decodeWorkspaceLink(text: string): DecodedLink {
  // Callers in plain JavaScript (a page reading location.hash) may pass anything.
  if (typeof text !== 'string') throw new LinkError('prefix', 'a link is text');
  // Room for an origin and path before the fragment; the fragment itself is checked below.
  if (text.length > MAX_LINK_CHARS + 4096) throw new LinkError('size', `the link is ${text.length} characters; links are at most ${MAX_LINK_CHARS}`);
  const body = readFragment(text);
  if (body.length > MAX_LINK_CHARS) throw new LinkError('size', `the link is ${body.length} characters; links are at most ${MAX_LINK_CHARS}`);
  const { header: rawHeader, payload } = unpackContainer(boundedInflate(base64urlToBytes(body), MAX_INFLATED_BYTES));
  if (rawHeader.length > MAX_HEADER_BYTES) throw new LinkError('container', `the header is ${rawHeader.length} bytes; at most ${MAX_HEADER_BYTES} are read`);
  const header = readLinkHeader(parseLinkJson(rawHeader));
  const workspace = validWorkspace(header.workspace);
  const files = linkedFiles(workspace);
  if (!header.weights) {
    if (payload.length > 0) throw new LinkError('container', `${payload.length} bytes follow the header but it describes no weights`);
    return { workspace, files };
  }
  const w = header.weights;
  if ('coding' in w) return { workspace, weights: unpackExactWeights(workspace.network, { ...w, payload }), weightBits: EXACT_WEIGHT_BITS, files };
  return { workspace, weights: dequantiseWeights(workspace.network, { ...w, payload }), weightBits: w.bits, files };
}

/** parseWorkspace, with its refusal (or any surprise from a hostile value) as LinkError 'workspace'. */
function validWorkspace(value: unknown): Workspace {
  try {
    const ws = parseWorkspace(value);
    // A link may not carry a workspace that no entry point would run (BudgetError is a SpecError).
    checkWorkspaceBudgets(ws);
    return ws;
  } catch (e) {
    if (e instanceof SpecError) throw new LinkError('workspace', `the workspace is invalid: ${e.message}`, e.issues);
    throw new LinkError('workspace', `the workspace could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}
