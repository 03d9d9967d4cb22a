import { Argument, Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import { flatCopy } from './flatString';

/**
 * dockerfile-ast recomputes an instruction's argument list on every call: JSON-form instructions (RUN, COPY,
 * CMD...) call it three times while being parsed, and the graph and rules ask again, each call costing a
 * pass over the instruction's text with a string built character by character (seconds on a 1 MB line).
 * Instructions never change after parsing, so each computes its list once. Callers still get fresh objects
 * every time, as before: dockerfile-ast shifts the flags off the array it gets back and moves the ends of
 * the ranges it gets from arguments (`From.getRegistryRange`), so nothing handed out may be shared.
 */
const argumentsByInstruction = new WeakMap<object, readonly Argument[]>();

interface RawArguments {
  getRawArguments: (this: object) => Argument[];
}

const prototype = Instruction.prototype as unknown as RawArguments;
const computeRawArguments = prototype.getRawArguments;

prototype.getRawArguments = function memoizedRawArguments(this: object): Argument[] {
  let args = argumentsByInstruction.get(this);
  if (!args) {
    // dockerfile-ast builds each value one character at a time; the kept copy is flat (see flatCopy).
    args = computeRawArguments
      .call(this)
      .map((argument) => new Argument(flatCopy(argument.getValue()), argument.getRange()));
    argumentsByInstruction.set(this, args);
  }
  return args.map((argument) => new Argument(argument.getValue(), copyRange(argument.getRange())));
};

function copyRange(range: Range): Range {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}
