import { useRef } from 'react';
import { parseModel } from '../../core/train/modelFile.ts';
import { saveModelFile } from '../modelDownload.ts';
import { replaceWorkspace } from '../share/replaceWorkspace.ts';
import { useStore } from '../store/index.ts';
import { explainError } from '../../../workers/explainError.ts';

/**
 * Open a model file (`spikelab train --out` writes the same format) or save the trained one: the
 * workspace it was trained from plus its weights. Opening makes a new saved workspace (undo returns
 * to the one before); a bad file is explained and nothing changes.
 */
export function ModelFileControls() {
  const input = useRef<HTMLInputElement>(null);
  const notify = (text: string, error: boolean, detail?: string) => useStore.getState().showNotice('model', text, error, detail);
  const weightsId = useStore((s) => s.weightsId);
  const weightsNetwork = useStore((s) => s.weightsNetwork);
  const network = useStore((s) => s.workspace?.network);
  const canSave = weightsId !== null && network !== undefined && weightsNetwork === JSON.stringify(network);
  const open = async (file: File) => {
    try {
      const model = parseModel(await file.text());
      replaceWorkspace(useStore, model.workspace, model.weights, `open model ${file.name}`, { testClasses: model.classes });
      const acc = typeof model.metrics['accuracy'] === 'number' ? `, test accuracy ${(100 * model.metrics['accuracy']).toFixed(2)} %` : '';
      notify(`opened ${file.name}: ${Object.keys(model.weights).length} weight arrays${acc}`, false);
    } catch (e) {
      const shown = explainError(e, `reading ${file.name.slice(0, 80)}`);
      notify(shown.detail === undefined ? `${file.name} is not a Spikelab model: ${shown.message}` : shown.message, true, shown.detail);
    }
  };
  const save = () => void saveModelFile(useStore);
  return (
    <div className="model-file">
      <button type="button" onClick={() => input.current?.click()} title="open a model saved by the page or by `spikelab train --out`">
        Open model…
      </button>
      <input ref={input} type="file" accept=".json,application/json" hidden data-testid="model-input" onChange={(e) => void (e.target.files?.[0] ? open(e.target.files[0]) : undefined)} />
      <button type="button" data-testid="save-model" disabled={!canSave} onClick={save} title={canSave ? 'download the trained network and weights' : 'train first (or open a model)'}>
        Save model
      </button>
    </div>
  );
}
