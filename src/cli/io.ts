/** Where a command writes: lines to standard output and standard error (injected for tests). */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** Exit codes of the CLI: 0 ok, 1 run failed, 2 bad usage or bad input file, 3 does not fit (chip). */
export const EXIT = { ok: 0, failed: 1, usage: 2, noFit: 3 } as const;

/** A usage problem: printed with the command's usage line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
