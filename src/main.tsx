import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createSimClient } from '../workers/client.ts';
import { createTrainClient } from '../workers/trainClient.ts';
import { App } from './ui/App.tsx';
import { ClientContext } from './ui/clientContext.ts';
import { loadDefaultWorkspace } from './ui/boot.ts';
import { startMappingController } from './ui/mappingController.ts';
import { startRunController } from './ui/runController.ts';
import { useStore } from './ui/store/index.ts';
import { installTestHooks } from './ui/testHooks.ts';
import './ui/app.css';

// Boot: the embedded default workspace (links and autosave arrive with issue #7).
const client = createSimClient();
const controller = startRunController(useStore, client);
// Maps the workspace on its chip while the Chip tab is open.
startMappingController(useStore, client);
const trainClient = createTrainClient();
if (new URLSearchParams(location.search).has('test')) installTestHooks(client);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ClientContext.Provider value={client}>
      <App controller={controller} trainClient={trainClient} />
    </ClientContext.Provider>
  </StrictMode>,
);
loadDefaultWorkspace().then(
  (ws) => useStore.getState().loadWorkspace(ws),
  (e: unknown) => useStore.getState().setRun({ status: 'error', error: e instanceof Error ? e.message : String(e) }),
);
