import type { Capabilities, DockerfileLanguageService } from 'dockerfile-language-service';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../feature';
import { loadLanguageService } from './loadLanguageService';
import { errorDetail } from '../../analysis/errorDetail';

/**
 * One dockerfile-language-service per server, created on first use with the client's capabilities (they
 * decide Markdown or plain text in hovers and completion documentation, snippets, deprecation tags).
 */
const services = new WeakMap<ServerContext, DockerfileLanguageService>();

/** Whether the client asked for the general Dockerfile features of dockerfile-language-service. */
export function generalFeaturesEnabled(context: ServerContext): boolean {
  return context.client.options.generalFeatures;
}

export function languageServiceFor(context: ServerContext): DockerfileLanguageService {
  let service = services.get(context);
  if (!service) {
    service = loadLanguageService().DockerfileLanguageServiceFactory.createLanguageService();
    service.setCapabilities(serviceCapabilities(context));
    service.setLogger({ log: (message) => context.connection.console.log(message) });
    services.set(context, service);
  }
  return service;
}

/** The service's own subset of the client capabilities, taken from what the client sent. */
export function serviceCapabilities(context: ServerContext): Capabilities {
  const textDocument = context.client.capabilities.textDocument;
  return {
    completion: { completionItem: textDocument?.completion?.completionItem },
    hover: { contentFormat: textDocument?.hover?.contentFormat },
  };
}

/**
 * Runs one request against the service. It answers `empty` when the general features are off or the
 * document is not open, and when the service throws: the error is logged and the server keeps serving,
 * since a bug in one library must not cost the user the stage-aware features.
 */
export async function answerFromService<T>(
  context: ServerContext,
  request: string,
  uri: string,
  empty: T,
  answer: (document: TextDocument, service: DockerfileLanguageService) => T | PromiseLike<T>,
): Promise<T> {
  if (!generalFeaturesEnabled(context)) {
    return empty;
  }
  const document = context.documents.get(uri);
  if (!document) {
    return empty;
  }
  try {
    return await answer(document, languageServiceFor(context));
  } catch (error) {
    context.connection.console.error(
      `${request} (dockerfile-language-service) failed for ${uri}: ${errorDetail(error)}`,
    );
    return empty;
  }
}
