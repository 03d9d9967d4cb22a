import type { FormattingOptions, TextEdit } from 'vscode-languageserver';
import type { Feature } from '../feature';
import { answerFromService } from './dockerfileLanguageService';

/** The characters after which on-type formatting indents a continuation line: both escape characters. */
const ON_TYPE_TRIGGERS = ['\\', '`'] as const;

function formatterSettings(options: FormattingOptions) {
  return { tabSize: options.tabSize, insertSpaces: options.insertSpaces };
}

/** Document, range and on-type formatting by dockerfile-utils (instruction indentation, continuations). */
export const formattingFeature: Feature = {
  name: 'formatting',
  capabilities: (_client, options) =>
    options.generalFeatures
      ? {
          documentFormattingProvider: true,
          documentRangeFormattingProvider: true,
          documentOnTypeFormattingProvider: {
            firstTriggerCharacter: ON_TYPE_TRIGGERS[0],
            moreTriggerCharacter: [...ON_TYPE_TRIGGERS.slice(1)],
          },
        }
      : {},
  register(context) {
    const none: TextEdit[] = [];
    context.connection.onDocumentFormatting(({ textDocument, options }) =>
      answerFromService(context, 'formatting', textDocument.uri, none, (document, service) =>
        service.format(document.getText(), formatterSettings(options)),
      ),
    );
    context.connection.onDocumentRangeFormatting(({ textDocument, range, options }) =>
      answerFromService(context, 'range formatting', textDocument.uri, none, (document, service) =>
        service.formatRange(document.getText(), range, formatterSettings(options)),
      ),
    );
    context.connection.onDocumentOnTypeFormatting(({ textDocument, position, ch, options }) =>
      answerFromService(context, 'on-type formatting', textDocument.uri, none, (document, service) =>
        service.formatOnType(document.getText(), position, ch, formatterSettings(options)),
      ),
    );
  },
};
