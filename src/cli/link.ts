import { quoteInput, WORKSPACE_NAME_CHARS } from '../core/format/inputText.ts';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { LinkError } from '../core/errors.ts';
import { workspaceLinkHash } from '../core/share/figureStamp.ts';
import { decodeWorkspaceLink, encodeWorkspaceLink } from '../core/share/linkCodec.ts';
import { MAX_WEIGHT_BITS, MIN_WEIGHT_BITS } from '../core/share/weightQuantisation.ts';
import { EXIT, UsageError, type CliIo } from './io.ts';
import { loadModelFile, loadWorkspaceFile } from './loadWorkspace.ts';


/**
 * `link encode`: the fragment of a workspace, with a model's weights when they fit in a link;
 * `--json` adds its `sha256:` hash, the stamp of a figure whose link is too long to print.
 */
function encode(argv: string[], io: CliIo): number {
  const { values } = parseArgs({
    args: argv,
    options: { workspace: { type: 'string' }, model: { type: 'string' }, 'weight-bits': { type: 'string' }, json: { type: 'boolean', default: false } },
    strict: true,
  });
  if (!values.workspace && !values.model) throw new UsageError('give --workspace FILE, --model MODEL.json, or both');
  const model = values.model ? loadModelFile(values.model) : undefined;
  // With both, the workspace file wins and the model only brings weights (checked against it).
  const ws = values.workspace ? loadWorkspaceFile(values.workspace) : model?.workspace;
  if (!ws) throw new UsageError('no workspace');
  const bits = values['weight-bits'] === undefined ? undefined : Number(values['weight-bits']);
  if (bits !== undefined && (!Number.isInteger(bits) || bits < MIN_WEIGHT_BITS || bits > MAX_WEIGHT_BITS)) {
    throw new UsageError(`--weight-bits must be a whole number from ${MIN_WEIGHT_BITS} to ${MAX_WEIGHT_BITS}, got '${values['weight-bits']}'`);
  }
  const link = encodeWorkspaceLink(ws, model?.weights, bits === undefined ? {} : { weightBits: bits });
  if (values.json) {
    io.out(JSON.stringify({ fragment: link.fragment, chars: link.chars, weights_included: link.weightsIncluded, weight_bits: link.weightBits ?? null, sha256: workspaceLinkHash(link.fragment), ...(link.reason ? { reason: link.reason } : {}) }));
  } else {
    io.out(link.fragment);
    if (link.reason) io.err(`spikelab link: ${link.reason}`);
  }
  return EXIT.ok;
}

/** `link decode`: validates a link exactly like a file and writes its workspace; exit 2 on refusal. */
function decode(argv: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({ args: argv, options: { out: { type: 'string' } }, allowPositionals: true, strict: true });
  const [text, ...extra] = positionals;
  if (text === undefined || extra.length > 0) throw new UsageError('give exactly one LINK (quote it: the shell treats # as a comment)');
  if (!values.out) throw new UsageError('--out FILE is required');
  let decoded;
  try {
    decoded = decodeWorkspaceLink(text);
  } catch (e) {
    if (!(e instanceof LinkError)) throw e;
    io.err(`spikelab link: refused at stage '${e.stage}': ${e.reason}`);
    for (const issue of e.issues) io.err(`  ${issue.path}: ${issue.message}`);
    return EXIT.usage;
  }
  writeFileSync(values.out, JSON.stringify(decoded.workspace, null, 2) + '\n');
  io.out(`wrote ${values.out}: "${quoteInput(decoded.workspace.name, WORKSPACE_NAME_CHARS)}"`);
  if (decoded.weights) {
    io.out(`the link also carries ${decoded.weightBits === 32 ? 'exact (float32)' : `${decoded.weightBits}-bit`} weights for ${Object.keys(decoded.weights).join(', ')} (not written: open the link in the page to use them)`);
  }
  for (const f of decoded.files) io.out(`needs the file '${quoteInput(f.name)}' (${quoteInput(f.checksum)})`);
  return EXIT.ok;
}

/** `spikelab link encode|decode`. */
export async function linkCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'encode') return encode(rest, io);
  if (sub === 'decode') return decode(rest, io);
  throw new UsageError(sub === undefined ? 'say encode or decode' : `unknown subcommand '${sub}' (encode or decode)`);
}
