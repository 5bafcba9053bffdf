import { formatBudgetFigure, WORKSPACE_BUDGETS } from '../spec/budgetTable.ts';

/** Where a run's recording stopped: the step and layer whose spikes reached the budget. */
export interface RecordingStop {
  readonly step: number;
  readonly layer: string;
}

/**
 * The events one run may still record, shared by every layer and batch sample of the run (a graded
 * spike of count k takes k). A direct encoder with a gain of 10^6 turns each input value into 10^6
 * recorded input spikes, which no spec can foretell; the allowance stops the recording at the
 * budget instead of growing arrays until the machine gives out.
 */
export class EventAllowance {
  private used = 0;
  private stopAt: RecordingStop | undefined;

  constructor(readonly limit: number = WORKSPACE_BUDGETS.runEvents.limit) {}

  /** Events still allowed. */
  get remaining(): number {
    return this.limit - this.used;
  }

  /** Where the recording stopped, once it has. */
  get stopped(): RecordingStop | undefined {
    return this.stopAt;
  }

  /** Grants up to `count` events of `layer` at `step` (all, part, or none once spent); notes where it stopped. */
  take(count: number, step: number, layer: string): number {
    const granted = Math.min(count, this.limit - this.used);
    this.used += granted;
    if (granted < count && !this.stopAt) this.stopAt = { step, layer };
    return granted;
  }
}

/** A note a run carries with its result: what it left out and why (the CLI prints it, the page shows it). */
export interface RunNote {
  /** Stable code: 'recording_stopped'. */
  readonly code: 'recording_stopped';
  readonly message: string;
}

/** The note of a recording that reached its budget at `stop`, in a run of `steps` steps. */
export function recordingStoppedNote(stop: RecordingStop, limit: number, steps: number): RunNote {
  return {
    code: 'recording_stopped',
    message:
      `the recording stopped at step ${stop.step} of ${steps} (layer '${stop.layer}'): it reached the budget of ${formatBudgetFigure(limit)} events per run; ` +
      'the spike counts cover the whole run, the recorded spikes end there (a graded input, e.g. a direct encoder with a large gain, counts its value in spikes)',
  };
}
