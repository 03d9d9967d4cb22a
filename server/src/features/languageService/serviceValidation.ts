import type * as Utils from 'dockerfile-utils';
import type { Diagnostic } from 'vscode-languageserver';
import { loadDockerfileUtils } from './loadLanguageService';

/** A diagnostic as dockerfile-utils returns it (its own copy of the LSP types, where a message may be Markdown). */
type FoundDiagnostic = ReturnType<typeof Utils.validate>[number];

/** The `source` of every diagnostic found by dockerfile-utils, so nobody mistakes them for our rules. */
export const SERVICE_DIAGNOSTIC_SOURCE = 'dockerfile-utils';

/**
 * dockerfile-utils checks that our stage rules already make (DuplicateStageName, InvalidStageName with
 * ReservedStageName). Where the two overlap ours answer, with their quick fixes and settings.
 */
function codesOurRulesCover(): ReadonlySet<number> {
  const { ValidationCode } = loadDockerfileUtils();
  return new Set([ValidationCode.DUPLICATE_BUILD_STAGE_NAME, ValidationCode.INVALID_BUILD_STAGE_NAME]);
}

/**
 * A dockerfile-utils diagnostic as we publish it: its numeric code becomes the code's name (for example
 * `UNKNOWN_INSTRUCTION`, stable in text, unlike the numbers), and the library's extra fields are dropped.
 */
export function toServiceDiagnostic(found: FoundDiagnostic): Diagnostic {
  const diagnostic: Diagnostic = {
    range: found.range,
    message: typeof found.message === 'string' ? found.message : found.message.value,
    source: SERVICE_DIAGNOSTIC_SOURCE,
  };
  if (found.severity !== undefined) {
    diagnostic.severity = found.severity;
  }
  if (typeof found.code === 'number') {
    diagnostic.code = loadDockerfileUtils().ValidationCode[found.code] ?? String(found.code);
  }
  if (found.tags !== undefined && found.tags.length > 0) {
    diagnostic.tags = found.tags;
  }
  return diagnostic;
}

/**
 * dockerfile-utils' validation of a whole text, as published: what dockerfile-language-service's `validate`
 * answers (it calls this very function with no settings), minus the checks our rules make. Plain data in
 * and out, so it runs the same on the server's thread and in the validation worker.
 */
export function validateWithService(text: string): Diagnostic[] {
  const covered = codesOurRulesCover();
  return loadDockerfileUtils()
    .validate(text)
    .filter((found) => typeof found.code !== 'number' || !covered.has(found.code))
    .map(toServiceDiagnostic);
}
