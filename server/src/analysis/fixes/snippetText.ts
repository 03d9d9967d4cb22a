/**
 * The plain text of an LSP snippet: every tabstop becomes its default (`${1:path}` → `path`, `$1` → ``),
 * choices become their first option, and `\$`, `\}`, `\\` become the character they escape. Used where
 * a snippet cannot be inserted as one (LSP 3.17 code actions carry plain WorkspaceEdits).
 */
export function snippetToText(snippet: string): string {
  let index = 0;
  const parse = (insidePlaceholder: boolean): string => {
    let out = '';
    while (index < snippet.length) {
      const ch = snippet[index];
      if (ch === '\\' && index + 1 < snippet.length && '$}\\,|'.includes(snippet[index + 1])) {
        out += snippet[index + 1];
        index += 2;
      } else if (insidePlaceholder && ch === '}') {
        return out;
      } else if (ch === '$') {
        out += parseTabstop();
      } else {
        out += ch;
        index++;
      }
    }
    return out;
  };
  const parseTabstop = (): string => {
    const simple = /^\$(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(snippet.slice(index));
    if (simple) {
      index += simple[0].length;
      return '';
    }
    const choice = /^\$\{\d+\|((?:[^|\\]|\\.)*?)(?:,(?:[^|\\]|\\.)*)*\|\}/.exec(snippet.slice(index));
    if (choice) {
      index += choice[0].length;
      return choice[1].split(',')[0].replace(/\\(.)/g, '$1');
    }
    const open = /^\$\{(\d+|[A-Za-z_][A-Za-z0-9_]*)(:?)/.exec(snippet.slice(index));
    if (!open) {
      index++;
      return '$';
    }
    index += open[0].length;
    const inner = open[2] === ':' ? parse(true) : '';
    if (snippet[index] === '}') {
      index++;
    }
    return inner;
  };
  return parse(false);
}
