import type { Feature } from './feature';

/** Every LSP feature the server offers besides diagnostics, in registration order. */
export const FEATURES: readonly Feature[] = [];
