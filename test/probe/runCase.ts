import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ProbeCase } from './probeCase.ts';

/** The `spikelab` launcher of this checkout. */
const BIN = join(import.meta.dirname, '..', '..', 'src', 'cli', 'bin.mjs');
/** GNU time measures the child's peak resident set exactly (ru_maxrss); without it, /proc is polled. */
const GNU_TIME = '/usr/bin/time';

/**
 * Limits a case must stay under (the acceptance figures of issue 18). Time is the CPU time of the
 * command (user + system) where GNU time measures it: on a machine shared by many jobs the wall
 * clock mostly measures the others (a trivial `inspect` took 10 s of wall time at load 18).
 */
export const PROBE_LIMITS = { ms: 10_000, rssBytes: 2 ** 30 } as const;
/** A runaway case is killed here (wall clock, or resident memory), so a probe run never takes the machine down with it. */
const KILL = { ms: 60_000, rssBytes: 2.5 * 2 ** 30 } as const;

/** What one run of the CLI did. */
export interface CaseRun {
  readonly code: number | null;
  readonly signal: string | null;
  readonly out: string;
  readonly err: string;
  /** CPU time (user + system) when measured, else wall time. */
  readonly ms: number;
  readonly wallMs: number;
  readonly peakRssBytes: number;
  readonly killedFor: 'time' | 'memory' | undefined;
}

/** How a run is counted in the table. */
export type Verdict = 'refused' | 'read' | 'crashed';

/** A run classified: the verdict and what else was wrong. */
export interface Classified {
  readonly verdict: Verdict;
  readonly overTime: boolean;
  readonly overMemory: boolean;
  /** Clean: refused (or read, where the case allows it), under both limits. */
  readonly clean: boolean;
  readonly why: string;
}

/** A stack frame line ("    at f (file:1:2)") or Node's uncaught-error dump. */
const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$|node:internal|^Node\.js v\d/m;

/**
 * Clean refusal: exit 2 with a message on stderr and no stack trace. Read OK: exit 0 without a
 * stack. Anything else (exit 1, a signal, a stack printed anywhere) is a crash. A case that takes
 * more than 10 s or 1 GB is counted in those columns as well, and is not clean.
 */
export function classify(c: Pick<ProbeCase, 'expect'>, run: CaseRun): Classified {
  const stack = STACK.test(run.err) || STACK.test(run.out);
  const message = run.err.trim().length > 0;
  const verdict: Verdict = run.code === 2 && message && !stack ? 'refused' : run.code === 0 && !stack ? 'read' : 'crashed';
  const overTime = run.killedFor === 'time' || run.ms > PROBE_LIMITS.ms;
  const overMemory = run.killedFor === 'memory' || run.peakRssBytes > PROBE_LIMITS.rssBytes;
  const allowed = verdict === 'refused' || (verdict === 'read' && c.expect === 'either');
  const why =
    run.killedFor !== undefined
      ? `killed past ${run.killedFor === 'time' ? `${KILL.ms / 1000} s of wall time` : '2.5 GB'}`
      : verdict === 'crashed'
        ? `exit ${run.code ?? run.signal}${stack ? ' with a stack trace' : ''}: ${firstLine(run.err || run.out)}`
        : verdict === 'read' && !allowed
          ? 'read OK, but a refusal was expected'
          : overTime || overMemory
            ? `${(run.ms / 1000).toFixed(1)} s, ${(run.peakRssBytes / 2 ** 20).toFixed(0)} MB`
            : '';
  return { verdict, overTime, overMemory, clean: allowed && !overTime && !overMemory, why };
}

const firstLine = (s: string) => s.trim().split('\n').find((l) => l.trim() !== '')?.slice(0, 160) ?? '(no output)';

/** Writes a case's files under `dir` (its own folder) and returns the path of each. */
export function writeCase(c: ProbeCase, dir: string): (name: string) => string {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(c.files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return (name) => join(dir, name);
}

function vmHwmBytes(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The pid of the process GNU time started (its only child), once it exists. */
function childOf(pid: number): number | undefined {
  try {
    const first = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/)[0];
    return first ? Number(first) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs one case's command in a child process, killed past 60 s of wall time or 2.5 GB; resolves with what it did. */
export function runCase(c: ProbeCase, dir: string): Promise<CaseRun> {
  const at = writeCase(c, dir);
  const args = [BIN, ...c.args(at)];
  const timed = existsSync(GNU_TIME);
  const rssFile = join(dir, '.peak-rss-kb');
  const child = timed ? spawn(GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, process.execPath, ...args], { cwd: dir }) : spawn(process.execPath, args, { cwd: dir });
  const t0 = performance.now();
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  let killedFor: CaseRun['killedFor'];
  let polled = 0;
  const node = () => (timed ? childOf(child.pid ?? 0) : child.pid);
  const kill = (why: 'time' | 'memory') => {
    killedFor ??= why;
    const pid = node();
    if (pid !== undefined) process.kill(pid, 'SIGKILL');
  };
  const poll = setInterval(() => {
    const pid = node();
    if (pid !== undefined) polled = Math.max(polled, vmHwmBytes(pid));
    if (polled > KILL.rssBytes) kill('memory');
    if (performance.now() - t0 > KILL.ms) kill('time');
  }, 50);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearInterval(poll);
      const wallMs = performance.now() - t0;
      let peak = polled;
      let ms = wallMs;
      // GNU time's last line: peak KB, user s, system s.
      const m = timed && existsSync(rssFile) ? /(\d+) ([\d.]+) ([\d.]+)\s*$/.exec(readFileSync(rssFile, 'utf8')) : null;
      if (m) {
        peak = Math.max(peak, Number(m[1]) * 1024);
        ms = (Number(m[2]) + Number(m[3])) * 1000;
      }
      // GNU time exits with the child's code, or 128 + signal when the child was killed.
      const killed = killedFor !== undefined || (timed && code !== null && code > 128);
      resolve({ code: killed ? null : code, signal: killed ? (signal ?? 'SIGKILL') : signal, out, err, ms, wallMs, peakRssBytes: peak, killedFor });
    });
  });
}
