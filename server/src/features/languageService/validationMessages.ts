import type { Diagnostic } from 'vscode-languageserver';

/** A text for the validation worker to validate. */
export interface ValidationRequest {
  readonly id: number;
  readonly text: string;
}

/** The worker's answer to the request with the same id: the diagnostics, or why validation failed. */
export type ValidationAnswer =
  | { readonly id: number; readonly diagnostics: Diagnostic[]; readonly error?: undefined }
  | { readonly id: number; readonly error: string; readonly diagnostics?: undefined };
