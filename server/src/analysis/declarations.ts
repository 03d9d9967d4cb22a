import type { Instruction, Property } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';

/** One variable an ARG or ENV instruction declares. */
export interface Declaration {
  readonly name: string;
  /** The value after `=` (or, for ENV's legacy `ENV NAME value`, after the space); undefined without one. */
  readonly value: string | undefined;
  /** `NAME=value` as written, or just `NAME`. */
  readonly range: Range;
  readonly nameRange: Range;
}

/**
 * The variables an ARG or ENV declares. dockerfile-ast reads `ARG A B` the way ENV's legacy form reads
 * `ENV A B` (A with the value "B"), but for ARG BuildKit declares two variables without defaults
 * (`ARG <name>[=<default value>] [<name>[=<default value>]...]`), so `ARG TARGETOS TARGETARCH` is split here.
 */
export function declarationsOf(instruction: Instruction): readonly Declaration[] {
  let declarations = declarationsByInstruction.get(instruction);
  if (!declarations) {
    declarations = readDeclarations(instruction);
    declarationsByInstruction.set(instruction, declarations);
  }
  return declarations;
}

/**
 * Instructions never change after parsing, and the incremental parser keeps unchanged stages' instructions
 * across edits, so each is read once rather than by every rule on every keystroke. A WeakMap, so entries go
 * with the parse trees.
 */
const declarationsByInstruction = new WeakMap<Instruction, readonly Declaration[]>();

function readDeclarations(instruction: Instruction): Declaration[] {
  const keyword = instruction.getKeyword();
  if (keyword !== 'ARG' && keyword !== 'ENV') {
    return [];
  }
  const withProperties = instruction as Instruction & { getProperties?: () => Property[] };
  const properties = typeof withProperties.getProperties === 'function' ? withProperties.getProperties() : [];
  const declarations: Declaration[] = [];
  for (const property of properties) {
    const name = property.getName();
    if (!name) {
      continue;
    }
    const value = property.getValue() ?? undefined;
    const valueRange = property.getValueRange();
    if (keyword === 'ARG' && property.getAssignmentOperator() !== '=' && value !== undefined && valueRange) {
      declarations.push({
        name,
        value: undefined,
        range: property.getNameRange(),
        nameRange: property.getNameRange(),
      });
      // The "value" is itself one or more further declarations (`ARG A B C`, `ARG A B=2`).
      const singleLine = valueRange.start.line === valueRange.end.line;
      for (const match of value.matchAll(/\S+/g)) {
        const word = match[0];
        const equals = word.indexOf('=');
        const wordName = equals === -1 ? word : word.slice(0, equals);
        const start = valueRange.start.character + (match.index ?? 0);
        // Positions are exact on one line; a value continued over lines shares the value's range.
        const range = singleLine
          ? {
              start: { line: valueRange.start.line, character: start },
              end: { line: valueRange.start.line, character: start + word.length },
            }
          : valueRange;
        const nameRange = singleLine
          ? { start: range.start, end: { line: range.start.line, character: start + wordName.length } }
          : valueRange;
        declarations.push({
          name: wordName,
          value: equals === -1 ? undefined : word.slice(equals + 1),
          range,
          nameRange,
        });
      }
      continue;
    }
    declarations.push({ name, value, range: property.getRange(), nameRange: property.getNameRange() });
  }
  return declarations;
}
