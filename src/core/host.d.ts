/**
 * The few host functions the core uses that ES2022 does not declare. Browsers, workers and Node
 * all provide them; declaring them here keeps DOM and Node types out of the core.
 */
declare function setTimeout(callback: () => void, ms?: number): unknown;
declare function clearTimeout(id: unknown): void;
declare function setInterval(callback: () => void, ms?: number): unknown;
declare function clearInterval(id: unknown): void;

/** UTF-8 decoding (WHATWG Encoding; global in browsers, workers and Node). */
declare class TextDecoder {
  // labels used: utf-8, latin1
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
