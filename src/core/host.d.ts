/**
 * The few host functions the core uses that ES2022 does not declare. Browsers, workers and Node
 * all provide them; declaring them here keeps DOM and Node types out of the core.
 */
declare function setTimeout(callback: () => void, ms?: number): unknown;
