import { InlayHintKind, type Connection, type InlayHint } from 'vscode-languageserver';
import { imageHints } from '../analysis/hints/imageHints';
import { SETTINGS_SECTION } from '../handlers/settings';
import { answerSafely } from './answerSafely';
import type { Feature, ServerContext } from './feature';

/** After each FROM image, its C library and release: `musl · alpine 3.20`, `glibc 2.36 · debian 12`, `no libc`. */
export const inlayHintsFeature: Feature = {
  name: 'inlayHints',
  capabilities: () => ({ inlayHintProvider: { resolveProvider: false } }),
  register(context) {
    context.connection.languages.inlayHint.on(async ({ textDocument, range }) => {
      const uri = textDocument.uri;
      if (!(await libcHintsEnabled(context, uri))) {
        return [];
      }
      return answerSafely(context, 'inlayHint', uri, [], (result, analysis) =>
        imageHints(result.graph, analysis.settings)
          .filter((hint) => hint.position.line >= range.start.line && hint.position.line <= range.end.line)
          .map((hint): InlayHint => ({
            position: hint.position,
            label: hint.label,
            kind: InlayHintKind.Type,
            paddingLeft: true,
            tooltip: `Image facts from ${hint.source}`,
          })),
      );
    });
  },
};

/**
 * `dockerfileStages.inlayHints.libc`, read per document like every setting; on unless the user turned it
 * off, and on when the client cannot be asked.
 */
async function libcHintsEnabled(context: ServerContext, uri: string): Promise<boolean> {
  if (context.client.capabilities.workspace?.configuration !== true) {
    return true;
  }
  try {
    const section = await readSection(context.connection, uri);
    const inlayHints =
      typeof section === 'object' && section !== null
        ? (section as { inlayHints?: unknown }).inlayHints
        : undefined;
    return (
      typeof inlayHints !== 'object' ||
      inlayHints === null ||
      (inlayHints as { libc?: unknown }).libc !== false
    );
  } catch {
    return true;
  }
}

function readSection(connection: Connection, uri: string): Promise<unknown> {
  return connection.workspace.getConfiguration({
    scopeUri: uri,
    section: SETTINGS_SECTION,
  }) as Promise<unknown>;
}
