import type { Diagnostic } from 'vscode-languageserver';
import type { Feature } from '../feature';
import { generalFeaturesEnabled, languageServiceFor } from './dockerfileLanguageService';
import { loadDockerfileUtils } from './loadLanguageService';

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
export function toServiceDiagnostic(found: Diagnostic): Diagnostic {
  const diagnostic: Diagnostic = {
    range: found.range,
    message: found.message,
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
 * The validation of dockerfile-utils (instruction casing and arguments, flags, directives, JSON forms...),
 * published as a follow-up to our own diagnostics so that it never delays them.
 */
export const serviceValidationFeature: Feature = {
  name: 'dockerfile-utils validation',
  capabilities: () => ({}),
  register(context) {
    context.diagnostics.addFollowUp({
      name: 'dockerfile-utils validation',
      isEnabled: () => generalFeaturesEnabled(context),
      compute: (document) => {
        const covered = codesOurRulesCover();
        return languageServiceFor(context)
          .validate(document.getText())
          .filter((found) => typeof found.code !== 'number' || !covered.has(found.code))
          .map(toServiceDiagnostic);
      },
    });
  },
};
