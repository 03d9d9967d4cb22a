import type { Feature } from '../feature';
import { answerFromService } from './dockerfileLanguageService';

/** Instruction signatures (`COPY [--chown=…] <src>… <dest>`) with the active parameter, as one types. */
export const signatureHelpFeature: Feature = {
  name: 'signature help',
  capabilities: (_client, options) =>
    options.generalFeatures
      ? { signatureHelpProvider: { triggerCharacters: ['-', '[', ',', ' ', '='] } }
      : {},
  register(context) {
    context.connection.onSignatureHelp(({ textDocument, position }) =>
      answerFromService(context, 'signature help', textDocument.uri, null, (document, service) =>
        service.computeSignatureHelp(document.getText(), position),
      ),
    );
  },
};
