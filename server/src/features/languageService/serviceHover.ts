import {
  MarkupKind,
  type Hover,
  type MarkedString,
  type MarkupContent,
  type TextDocumentPositionParams,
} from 'vscode-languageserver';
import type { ServerContext } from '../feature';
import { answerFromService } from './dockerfileLanguageService';

/**
 * The service's hover: documentation for instruction keywords, flags and parser directives. Null when the
 * general features are off or it has nothing to say, so the stage-aware hover can always call it.
 */
export function serviceHover(
  context: ServerContext,
  params: TextDocumentPositionParams,
): Promise<Hover | null> {
  return answerFromService(context, 'hover', params.textDocument.uri, null, (document, service) =>
    service.computeHover(document.getText(), params.position),
  );
}

function asMarkdown(contents: Hover['contents']): string {
  const one = (part: MarkedString | MarkupContent): string =>
    typeof part === 'string'
      ? part
      : 'language' in part
        ? `\`\`\`${part.language}\n${part.value}\n\`\`\``
        : part.value;
  return Array.isArray(contents) ? contents.map(one).join('\n\n') : one(contents);
}

/**
 * One hover from ours and the service's: ours first (stage facts), then the service's keyword docs under a
 * rule. Either alone is returned as it is.
 */
export function mergeHovers(ours: Hover | null, theirs: Hover | null): Hover | null {
  if (!ours || !theirs) {
    return ours ?? theirs;
  }
  const merged: Hover = {
    contents: {
      kind: MarkupKind.Markdown,
      value: `${asMarkdown(ours.contents)}\n\n---\n\n${asMarkdown(theirs.contents)}`,
    },
  };
  if (ours.range) {
    merged.range = ours.range;
  }
  return merged;
}
