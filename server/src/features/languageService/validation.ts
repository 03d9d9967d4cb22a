import type { Feature } from '../feature';
import { generalFeaturesEnabled } from './dockerfileLanguageService';
import { VALIDATION_WORKER_BUNDLE, ValidationThread } from './validationThread';

export { SERVICE_DIAGNOSTIC_SOURCE, toServiceDiagnostic } from './serviceValidation';

/**
 * The validation of dockerfile-utils (instruction casing and arguments, flags, directives, JSON forms...),
 * published as a follow-up to our own diagnostics so that it never delays them: it runs after ours are
 * published, and in a worker thread, so a keystroke that arrives while it runs is answered at once.
 */
export const serviceValidationFeature: Feature = {
  name: 'dockerfile-utils validation',
  capabilities: () => ({}),
  register(context) {
    const thread = new ValidationThread(VALIDATION_WORKER_BUNDLE, (message) =>
      context.connection.console.warn(message),
    );
    context.connection.onShutdown(() => thread.dispose());
    context.diagnostics.addFollowUp({
      name: 'dockerfile-utils validation',
      isEnabled: () => generalFeaturesEnabled(context),
      compute: (document, stillWanted) => thread.validate(document.getText(), stillWanted),
    });
  },
};
