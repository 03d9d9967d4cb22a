import type { DocumentLink } from 'vscode-languageserver';
import type { Feature } from '../feature';
import { answerFromService } from './dockerfileLanguageService';

/**
 * Links from base image names to their registry pages (Docker Hub, GHCR, MCR, Quay). The service leaves
 * Docker Hub targets for a resolve step; we resolve every link at once since that is only string work.
 */
export const documentLinksFeature: Feature = {
  name: 'document links',
  capabilities: (_client, options) =>
    options.generalFeatures ? { documentLinkProvider: { resolveProvider: false } } : {},
  register(context) {
    const none: DocumentLink[] = [];
    context.connection.onDocumentLinks(({ textDocument }) =>
      answerFromService(context, 'document links', textDocument.uri, none, (document, service) =>
        service.computeLinks(document.getText()).map((link) => service.resolveLink(link)),
      ),
    );
  },
};
