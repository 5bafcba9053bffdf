import type { ArtifactStore } from '../../core/artifacts.ts';
import type { MappingResult } from '../../core/hardware/mappingTypes.ts';
import { lessonMappingOf, lessonRunOf } from '../../core/teach/lessonContextParts.ts';
import type { LessonContext } from '../../core/teach/lessonTypes.ts';
import { runPlayground, type PlaygroundRun } from '../../core/teach/playgroundRun.ts';
import type { PlaygroundSetup } from '../../core/teach/playgroundTypes.ts';
import type { RunReply } from '../../../workers/api.ts';
import { mappingArtifacts } from '../mappingController.ts';
import { runArtifacts } from '../runController.ts';
import type { Store } from '../store/index.ts';

/** Where the arrays behind the store's ids live (the page's artefact stores; tests pass their own). */
export interface ContextSources {
  readonly runs: ArtifactStore<RunReply>;
  readonly mappings: ArtifactStore<MappingResult>;
}

const PAGE_SOURCES: ContextSources = { runs: runArtifacts, mappings: mappingArtifacts };

// The playground's run per setup object: the store replaces the setup on every edit, so a re-check
// on an unrelated change (a run's progress) reuses the run rather than simulating again.
const playgroundRuns = new WeakMap<PlaygroundSetup, PlaygroundRun | null>();

/** The playground's run, or null when its setup cannot run (a parameter out of range while typing). */
function playgroundRunOf(setup: PlaygroundSetup): PlaygroundRun | null {
  if (playgroundRuns.has(setup)) return playgroundRuns.get(setup) ?? null;
  let run: PlaygroundRun | null;
  try {
    run = runPlayground(setup);
  } catch {
    run = null;
  }
  playgroundRuns.set(setup, run);
  return run;
}

/** The finished run of the workspace (lessonRunOf in core); null while running, after an error, or once its recording left the artefact store. */
function runPart(s: Store, runs: ArtifactStore<RunReply>): LessonContext['run'] {
  if (s.status !== 'done' || !s.summary) return null;
  const reply = runs.get(s.summary.artifactId);
  return reply ? lessonRunOf(reply.result) : null;
}

/** The mapping on screen (a finished job whose result is still stored), else null. */
function mappingPart(s: Store, mappings: ArtifactStore<MappingResult>): LessonContext['mapping'] {
  if (s.mapStatus !== 'done' || !s.mapping) return null;
  const r = mappings.get(s.mapping.id);
  return r ? lessonMappingOf(r) : null;
}

/**
 * What the page shows, as the plain data the task checks read (checkTask in core): the centre view,
 * the playground and its run, the workspace and its last finished run, the playback cursor, the
 * last test accuracy, the chip mapping, and the actions recorded in this step.
 */
export function buildLessonContext(s: Store, sources: ContextSources = PAGE_SOURCES): LessonContext {
  const run = playgroundRunOf(s.playground);
  return {
    view: s.centerView,
    playground: {
      setup: s.playground,
      spikeSteps: run?.first.spikeSteps ?? [],
      secondSpikeSteps: s.playground.pair ? (run?.second?.spikeSteps ?? []) : null,
      cursor: s.playgroundCursor,
    },
    workspace: s.workspace,
    run: runPart(s, sources.runs),
    playbackStep: s.playbackStep,
    testAccuracy: s.testMetrics ? s.testMetrics.accuracy : null,
    mapping: mappingPart(s, sources.mappings),
    actions: s.lessonActions,
  };
}
