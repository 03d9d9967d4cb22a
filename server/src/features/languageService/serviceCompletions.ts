import type { DockerRegistryClient } from 'dockerfile-language-service/lib/dockerRegistryClient';
import {
  CompletionItemKind,
  type CompletionItem,
  type TextDocumentPositionParams,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../feature';
import { answerFromService, serviceCapabilities } from './dockerfileLanguageService';
import { loadDockerAssist } from './loadLanguageService';

/**
 * Stands in for the service's Docker Hub client. The service completes image tags after `FROM image:` by
 * querying Docker Hub; the server never opens network connections, so it offers no tags instead.
 */
const OFFLINE_REGISTRY = {
  getTags: () => Promise.resolve([] as string[]),
} as unknown as DockerRegistryClient;

/**
 * The service's completions at a position: instructions, flags, directives, variables, HEALTHCHECK and
 * ONBUILD words, with their documentation already filled in. Its stage names after `COPY --from=` (the
 * only items it gives `Reference` kind) are left out, because our stage completion answers there. Empty
 * when the general features are off, so the stage-aware completion can always call it.
 */
export function serviceCompletions(
  context: ServerContext,
  params: TextDocumentPositionParams,
): Promise<CompletionItem[]> {
  const none: CompletionItem[] = [];
  return answerFromService(
    context,
    'completion',
    params.textDocument.uri,
    none,
    async (document, service) => {
      const text = TextDocument.create(
        document.uri,
        document.languageId,
        document.version,
        document.getText(),
      );
      const assist = new (loadDockerAssist())(
        text,
        OFFLINE_REGISTRY,
        serviceCapabilities(context).completion?.completionItem ?? {},
      );
      const items = await assist.computeProposals(params.position);
      return items
        .filter((item) => item.kind !== CompletionItemKind.Reference)
        .map((item) => service.resolveCompletionItem(item));
    },
  );
}

/** Ours first; the service's items follow, except those with a label one of ours already has. */
export function mergeCompletions(
  ours: readonly CompletionItem[],
  theirs: readonly CompletionItem[],
): CompletionItem[] {
  const labels = new Set(ours.map((item) => item.label));
  return [...ours, ...theirs.filter((item) => !labels.has(item.label))];
}

/** Characters after which the service's completions are useful, besides those of our stage completion. */
export const SERVICE_COMPLETION_TRIGGERS: readonly string[] = ['=', ' ', '$', '-'];
