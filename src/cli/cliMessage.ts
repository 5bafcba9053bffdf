import type { SpikelabError } from '../core/errors.ts';

/** A string field of an error, or '?' (the codes below promise these fields; a guard keeps `unknown` honest). */
function field(e: SpikelabError, name: string): string {
  const v = (e as unknown as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : '?';
}

// The core words some errors for the page ("drop that file onto the page"); in a terminal the
// same remedy is an option. Looked up by the error's stable code, so the core stays host-neutral.
const CLI_WORDING: Readonly<Record<string, (e: SpikelabError) => string>> = {
  file_missing: (e) => `this workspace reads the file '${field(e, 'file')}' (${field(e, 'checksum')}); pass --data with that file or the folder that holds it`,
};

/** The message of a core error as the CLI prints it: the CLI's own wording where it has one. */
export function cliMessage(e: SpikelabError): string {
  return CLI_WORDING[e.code]?.(e) ?? e.message;
}
