import { InlayHintKind, type InlayHint } from 'vscode-languageserver';
import { imageHints } from '../analysis/hints/imageHints';
import { answerSafely } from './answerSafely';
import { editorSwitchEnabled } from './editorSwitch';
import type { Feature } from './feature';

/** After each FROM image, its C library and release: `musl · alpine 3.20`, `glibc 2.36 · debian 12`, `no libc`. */
export const inlayHintsFeature: Feature = {
  name: 'inlayHints',
  capabilities: () => ({ inlayHintProvider: { resolveProvider: false } }),
  register(context) {
    context.connection.languages.inlayHint.on(async ({ textDocument, range }) => {
      const uri = textDocument.uri;
      if (!(await editorSwitchEnabled(context, uri, ['inlayHints', 'libc']))) {
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
