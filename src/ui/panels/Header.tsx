import { loadPresetWorkspace, PRESETS } from '../boot.ts';
import type { RunController } from '../runController.ts';
import { useStore } from '../store/index.ts';
import { AutosaveStatus } from './AutosaveStatus.tsx';
import { EngineLine } from './EngineLine.tsx';
import { HeaderFileMenu } from './HeaderFileMenu.tsx';
import { HeaderNotices } from './HeaderNotices.tsx';
import { ModelFileControls } from './ModelFileControls.tsx';
import { NirControls } from './share/NirControls.tsx';
import { ShareButton } from './share/ShareDialog.tsx';
import { WorkspacesButton } from './workspaces/WorkspacesDialog.tsx';
import { WorkspaceNameButton } from './workspaces/WorkspaceNameButton.tsx';
import { openPreset } from '../workspaces/workspaceLibrary.ts';
import { WorkspaceFileControls } from './share/WorkspaceFileControls.tsx';
import { StudiesMenu } from './study/StudiesMenu.tsx';
import { LearnMenu } from './lesson/LearnMenu.tsx';
import { explainError } from '../../../workers/explainError.ts';
import { OfflineBadge } from '../offline/OfflineBadge.tsx';

/** Title, engine choice with the active backend, run progress, model and workspace files, share, autosave, undo/redo. */
export function Header({ controller }: { controller: RunController }) {
  const name = useStore((s) => s.workspace?.name);
  const engine = useStore((s) => s.workspace?.simulation.engine);
  const status = useStore((s) => s.status);
  const progress = useStore((s) => s.progress);
  const canUndo = useStore((s) => s.past.length > 0);
  const canRedo = useStore((s) => s.future.length > 0);
  const { edit, undo, redo } = useStore.getState();
  return (
    <header className="header">
      <h1>Spikelab</h1>
      <OfflineBadge />
      <WorkspaceNameButton />
      <label className="engine">
        preset{' '}
        <select
          data-testid="preset-select"
          value={PRESETS.find((p) => p.label === name || name?.startsWith(p.label))?.id ?? ''}
          onChange={(e) =>
            void loadPresetWorkspace(e.target.value).then(
              // By the entry-reuse rule: no pile of copies, and undo returns to the workspace before.
              (ws) => openPreset(useStore, ws, `open preset ${ws.name}`),
              (err: unknown) => {
                const shown = explainError(err, 'opening the preset');
                useStore.getState().setRun({ status: 'error', error: shown.message, errorDetail: shown.detail ?? null });
              },
            )
          }
        >
          {PRESETS.find((p) => p.label === name || name?.startsWith(p.label)) ? null : <option value="">{name}</option>}
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <StudiesMenu />
      <LearnMenu />
      <label className="engine">
        engine{' '}
        <select
          data-testid="engine-select"
          value={engine ?? 'events'}
          onChange={(e) => edit('engine', (d) => void ((d['simulation'] as Record<string, unknown>)['engine'] = e.target.value))}
        >
          <option value="events">event-driven (typed arrays)</option>
          <option value="wasm">WebAssembly SIMD kernel</option>
          <option value="tfjs">tfjs (webgl → wasm → cpu)</option>
        </select>
      </label>
      <EngineLine />
      <HeaderNotices />
      <div className="run-status" aria-live="polite">
        <progress data-testid="run-progress" value={status === 'running' ? progress : status === 'done' ? 1 : 0} max={1} />
        <span data-testid="run-status">{status}</span>
        {status === 'running' ? (
          <button type="button" onClick={() => controller.cancel()}>
            Cancel
          </button>
        ) : (
          <button type="button" data-testid="run-button" onClick={() => controller.rerun()}>
            Run
          </button>
        )}
      </div>
      <WorkspacesButton />
      <HeaderFileMenu>
        <ModelFileControls />
        <WorkspaceFileControls />
        <NirControls />
      </HeaderFileMenu>
      <ShareButton />
      <AutosaveStatus />
      <div className="history">
        <button type="button" disabled={!canUndo} onClick={undo} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" disabled={!canRedo} onClick={redo} title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
      </div>
    </header>
  );
}
