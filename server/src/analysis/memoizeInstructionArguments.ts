import { Instruction } from 'dockerfile-ast';

/**
 * dockerfile-ast recomputes an instruction's argument list on every call: JSON-form instructions (RUN, COPY,
 * CMD...) call it three times while being parsed, and the graph and rules ask again, each call costing a
 * pass over the instruction's text with a string built character by character (seconds on a 1 MB line).
 * Instructions never change after parsing, so each computes its list once; callers get a copy because
 * dockerfile-ast itself shifts the flags off the array it gets back.
 */
const argumentsByInstruction = new WeakMap<object, unknown[]>();

interface RawArguments {
  getRawArguments: (this: object) => unknown[];
}

const prototype = Instruction.prototype as unknown as RawArguments;
const computeRawArguments = prototype.getRawArguments;

prototype.getRawArguments = function memoizedRawArguments(this: object): unknown[] {
  let args = argumentsByInstruction.get(this);
  if (!args) {
    args = computeRawArguments.call(this);
    argumentsByInstruction.set(this, args);
  }
  return args.slice();
};
