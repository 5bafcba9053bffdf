/**
 * Typed errors of the core. Each has a stable `code` so that workers, the CLI and the UI can tell
 * them apart after they cross a structured-clone boundary (where the prototype is lost).
 */
import { quoteInput, safeMessage } from './format/inputText.ts';

/**
 * Base class: a message the user can act on plus a stable machine-readable code. The message is
 * passed through safeMessage: whatever input a subclass quoted, no core error holds control or
 * bidi characters or more than MESSAGE_CHARS characters (a page or terminal shows it as is).
 */
export class SpikelabError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(safeMessage(message));
    this.name = 'SpikelabError';
    this.code = code;
  }
}

/** One problem found in a spec: where (JSON path such as `network.layers[2].units`) and what. */
export interface SpecIssue {
  readonly path: string;
  readonly message: string;
}

/** Most characters of an issue's JSON path and of its message that are kept. */
const ISSUE_PATH_CHARS = 240;
const ISSUE_MESSAGE_CHARS = 1000;

/** A workspace or network spec that does not validate; lists every issue with its JSON path. */
export class SpecError extends SpikelabError {
  readonly issues: readonly SpecIssue[];
  constructor(raw: readonly SpecIssue[], summary?: string) {
    // Paths hold the input's own keys (a weights record, chip overrides) and messages may quote
    // values: both are bounded and escaped here, once for every issue of every spec.
    const issues = raw.map((i) => ({ path: quoteInput(i.path, ISSUE_PATH_CHARS), message: safeMessage(i.message, ISSUE_MESSAGE_CHARS) }));
    const first = issues[0];
    const head = summary ?? (first ? `${first.path}: ${first.message}` : 'invalid spec');
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super('spec_invalid', head + more);
    this.name = 'SpecError';
    this.issues = issues;
  }
  /** The JSON path of the first issue, for callers that report one place. */
  get jsonPath(): string {
    return this.issues[0]?.path ?? '';
  }
}

/**
 * A workspace that would allocate or compute more than a documented budget (spec/workspaceBudgets.ts):
 * refused from its spec, before anything is allocated. `estimate` and `limit` are in the budget's
 * unit (weights, neuron-steps, values, events, spikes, samples).
 */
export class BudgetError extends SpecError {
  override readonly code = 'over_budget';
  readonly budget: string;
  readonly estimate: number;
  readonly limit: number;
  constructor(issues: readonly SpecIssue[], budget: string, estimate: number, limit: number) {
    super(issues);
    this.name = 'BudgetError';
    this.budget = budget;
    this.estimate = estimate;
    this.limit = limit;
  }
}

/** Most characters of a file name a message shows (a path can be long, and is input). */
const FILE_NAME_CHARS = 240;

/** A bad file: names the file, the field and the byte offset where parsing failed. */
export class DataFormatError extends SpikelabError {
  readonly file: string;
  readonly field: string;
  readonly byteOffset: number;
  constructor(file: string, field: string, byteOffset: number, reason: string) {
    // File names come from the user (a dropped file, a CLI argument, a link).
    super('data_format', `${quoteInput(file, FILE_NAME_CHARS)}: ${field} at byte ${byteOffset}: ${reason}`);
    this.name = 'DataFormatError';
    this.file = file;
    this.field = field;
    this.byteOffset = byteOffset;
  }
}

/** An engine could not run the request (unsupported layer, backend failure, bad input shape). */
export class EngineError extends SpikelabError {
  constructor(message: string) {
    super('engine_failed', message);
    this.name = 'EngineError';
  }
}

/** A long job stopped because its AbortSignal fired; not a failure to report as an error. */
export class CancelledError extends SpikelabError {
  constructor(what = 'job') {
    super('cancelled', `${what} was cancelled`);
    this.name = 'CancelledError';
  }
}

/**
 * The part of AbortSignal the core uses; declared here because the core compiles without DOM
 * types. A real AbortSignal (browser or Node) satisfies it.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
}

/** Throws CancelledError when the signal has fired; call between batches or steps of long loops. */
export function throwIfAborted(signal: AbortSignalLike | undefined, what?: string): void {
  if (signal?.aborted) throw new CancelledError(what);
}

/** A chip constraint a network breaks: which layer, which limit, the limit and the value it needs. */
export interface Violation {
  readonly layer: string;
  /** Short id of the limit, e.g. 'neurons_per_core', 'kernel_memory', 'input_channels'. */
  readonly constraint: string;
  readonly limit: number;
  readonly value: number;
  /** 'error' prevents the mapping; 'warning' maps but the chip will not run it as simulated. */
  readonly severity: 'error' | 'warning';
  /** Plain sentence with the numbers. */
  readonly message: string;
  /** What the user could change (fewer channels, lower weight bits, another chip). */
  readonly suggestions: readonly string[];
}

/** A network that does not fit a chip: every violated constraint, each naming layer and limit. */
export class MappingError extends SpikelabError {
  readonly chip: string;
  readonly violations: readonly Violation[];
  constructor(chip: string, violations: readonly Violation[]) {
    const errors = violations.filter((v) => v.severity === 'error');
    const first = errors[0] ?? violations[0];
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    super('mapping_failed', `does not fit ${chip}: ${first ? first.message : 'no valid mapping found'}${more}`);
    this.name = 'MappingError';
    this.chip = chip;
    this.violations = violations;
  }
}

/**
 * Where decoding a share link failed, in the order decoding runs: the whole link's size, the
 * `#w=` prefix, the codec version, base64url, the capped inflate, the binary container (lengths
 * and CRC), the JSON inside it, the workspace it holds (parseWorkspace), the trained weights, or
 * the study the link opens (an unknown study, or a changed workspace of a system it does not have).
 */
export type LinkStage = 'size' | 'prefix' | 'version' | 'base64' | 'inflate' | 'container' | 'json' | 'workspace' | 'weights' | 'study';

/**
 * A share link that was refused (or a workspace that cannot become one). `stage` says which step
 * failed and `reason` says why in a plain sentence; the current workspace is never replaced. For
 * stage 'workspace' the spec issues are kept with their JSON paths.
 */
export class LinkError extends SpikelabError {
  readonly stage: LinkStage;
  readonly reason: string;
  readonly issues: readonly SpecIssue[];
  constructor(stage: LinkStage, reason: string, issues: readonly SpecIssue[] = []) {
    super('link_refused', `link refused (${stage}): ${reason}`);
    this.name = 'LinkError';
    this.stage = stage;
    // Shown on their own by the page and the CLI: bounded like the message.
    this.reason = safeMessage(reason);
    this.issues = issues.map((i) => ({ path: quoteInput(i.path, ISSUE_PATH_CHARS), message: safeMessage(i.message, ISSUE_MESSAGE_CHARS) }));
  }
}
