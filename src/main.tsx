import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createSimClient } from '../workers/client.ts';
import { createTrainClient } from '../workers/trainClient.ts';
import { App } from './ui/App.tsx';
import { ClientContext } from './ui/clientContext.ts';
import { bootWorkspace } from './ui/bootWorkspace.ts';
import { readBootLink, startLessons } from './ui/lessons/lessonBoot.ts';
import { keptFileDb } from './ui/keptFiles/keptFileDb.ts';
import { restoreKept } from './ui/keptFiles/keptFiles.ts';
import { startMappingController } from './ui/mappingController.ts';
import { startRunController } from './ui/runController.ts';
import { useStore } from './ui/store/index.ts';
import { installTestHooks } from './ui/testHooks.ts';
import { registerOffline } from './ui/offline/registerOffline.ts';
import './ui/app.css';

// Boot (bootWorkspace): a share link in the URL fragment, else the autosaved workspace, else the default.
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
// A lesson link is read before bootWorkspace opens (and clears) a workspace link in the same fragment.
const lessonBoot = readBootLink(location.href);
void bootWorkspace(useStore).then(() => startLessons(useStore, lessonBoot));
// Files kept from earlier drops load beside the boot; a workspace waiting for one then runs.
void restoreKept(useStore, client, keptFileDb());
// Production build only: stores the site so it loads again without a network (src/ui/offline).
registerOffline();
