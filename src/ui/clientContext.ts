import { createContext, useContext } from 'react';
import type { SimClient } from '../../workers/client.ts';

/** The simulation worker's client, for components that talk to it directly (file drops). */
export const ClientContext = createContext<SimClient | null>(null);

/** The client; throws if a component is rendered outside the app's provider. */
export function useClient(): SimClient {
  const c = useContext(ClientContext);
  if (!c) throw new Error('no simulation client: render inside <ClientContext.Provider>');
  return c;
}
