// comlink ships node-adapter.d.ts beside node-adapter.mjs, which TypeScript does not pair for an
// explicit .mjs import; this restates its one export.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';
  export default function nodeEndpoint(nep: unknown): Endpoint;
}
