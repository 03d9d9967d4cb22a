/**
 * A copy of `text` that holds its own characters in one piece.
 *
 * V8 keeps a substring as a view into the string it was cut from, and a string built with `+=` one
 * character at a time (as dockerfile-ast and the shell tokenizer build words) as a chain of one node per
 * character, about 32 bytes each. Anything cached across edits must not be either: a view keeps that whole
 * version of the document alive, one version per keystroke, and a chain costs thirty times its length.
 * Concatenating and slicing makes V8 flatten the characters into a new string of their own.
 */
export function flatCopy(text: string): string {
  return ` ${text}`.slice(1);
}
