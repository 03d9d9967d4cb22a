import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDockerfile, type ParsedDockerfile } from '../parseDockerfile';
import { parseChunk, type ChunkParse, type DockerfileInternals } from './chunkParse';
import { splitDocumentLines, type DocumentLines } from './documentLines';

/** A line that may start a stage: FROM (any case) after optional blanks, followed by a blank or the end. */
const FROM_LINE = /^[ \t]*from(?:[ \t]|$)/i;

/**
 * Parses successive versions of one document, re-parsing only the stages whose text changed.
 *
 * The text is cut before lines that start a FROM instruction; each piece is parsed on its own at its
 * absolute line (see parseChunk) and kept, keyed by its text, its first line and the escape character, for
 * the next version. The pieces are then joined into one dockerfile-ast tree that is indistinguishable, for
 * its readers, from parsing the whole text: same instructions, comments, build stages and directives, in
 * the same order and at the same positions. A typed character therefore costs the parse of one stage (or
 * two, when it lands on a FROM line), not of the file. Lines added or removed shift the stages below, which
 * are parsed again at their new lines.
 */
/** A parsed chunk with the text it was parsed from. */
interface CachedChunk {
  readonly body: string;
  readonly chunk: ChunkParse;
}

export class IncrementalParser {
  private cache = new Map<string, CachedChunk>();

  parse(text: string): ParsedDockerfile {
    const split = splitDocumentLines(text);
    const used = new Map<string, CachedChunk>();
    try {
      const chunks = this.parseChunks(text, split, used);
      return { text, lines: split.lines, dockerfile: joinChunks(text, chunks), parseError: undefined };
    } catch {
      // dockerfile-ast failed on some piece: the whole-text parse reports the failure the usual way.
      return parseDockerfile(text);
    } finally {
      // Only what this version used is kept, so memory follows the document, not its history.
      this.cache = used;
    }
  }

  private parseChunks(text: string, split: DocumentLines, used: Map<string, CachedChunk>): ChunkParse[] {
    const candidates: number[] = [];
    split.lines.forEach((line, index) => {
      if (index > 0 && FROM_LINE.test(line)) {
        candidates.push(index);
      }
    });
    const chunks: ChunkParse[] = [];
    let escapeChar = '\\';
    let start = 0;
    let next = 0;
    while (true) {
      while (next < candidates.length && candidates[next] <= start) {
        next++;
      }
      const chunk = this.nextChunk(text, split, start, candidates, next, escapeChar, used);
      chunks.push(chunk);
      if (start === 0) {
        escapeChar = chunk.dockerfile.getEscapeCharacter();
      }
      if (chunk.probeLine === undefined) {
        return chunks;
      }
      start = chunk.probeLine;
    }
  }

  /**
   * The chunk that starts at `start`. Usually the next candidate line is a real FROM and one (cached) parse
   * decides it. When it is not (it sits in a heredoc or a continuation), the window grows to twice as many
   * candidates until one is confirmed or the text ends, so an unterminated heredoc at the top costs a few
   * whole-text parses, never one per stage.
   */
  private nextChunk(
    text: string,
    split: DocumentLines,
    start: number,
    candidates: readonly number[],
    first: number,
    escapeChar: string,
    used: Map<string, CachedChunk>,
  ): ChunkParse {
    for (let width = 1; ; width *= 2) {
      const last = first + width - 1;
      const probe = last < candidates.length ? candidates[last] : undefined;
      const window = this.chunkParse(text, split, start, probe, escapeChar, used);
      const confirmed = candidates
        .slice(first, probe === undefined ? candidates.length : last + 1)
        .find((line) => window.fromStarts.has(line));
      if (confirmed === probe) {
        return window;
      }
      if (confirmed !== undefined) {
        return this.chunkParse(text, split, start, confirmed, escapeChar, used);
      }
    }
  }

  private chunkParse(
    text: string,
    split: DocumentLines,
    start: number,
    probe: number | undefined,
    escapeChar: string,
    used: Map<string, CachedChunk>,
  ): ChunkParse {
    const end = probe === undefined ? text.length : split.starts[probe] + split.lines[probe].length;
    const body = text.slice(split.starts[start], end);
    // Keyed by position and escape character, with the body compared on lookup: putting the body in the key
    // would copy every stage's text into a new string on every keystroke.
    const key = `${start}\u0000${probe ?? ''}\u0000${escapeChar}`;
    let cached = used.get(key) ?? this.cache.get(key);
    if (cached?.body !== body) {
      cached = { body, chunk: parseChunk(body, start, probe, escapeChar) };
    }
    used.set(key, cached);
    return cached.chunk;
  }
}

/**
 * Builds the whole-file tree from the chunks' pieces. dockerfile-ast offers no way to assemble a tree, so
 * this fills the private fields its own parser fills (checked against a whole-text parse by the
 * differential test), and points every instruction at the joined tree, which is what variable resolution
 * reads.
 */
function joinChunks(text: string, chunks: readonly ChunkParse[]): ParsedDockerfile['dockerfile'] {
  const dockerfile = DockerfileParser.parse('');
  const internals = dockerfile as unknown as DockerfileInternals;
  const instructions: Instruction[] = [];
  for (const chunk of chunks) {
    for (const instruction of chunk.instructions) {
      instructions.push(instruction);
      (instruction as unknown as { dockerfile: unknown }).dockerfile = dockerfile;
    }
  }
  const buildStages = chunks.flatMap((chunk) => chunk.buildStages);
  internals.document = TextDocument.create('', '', 0, text);
  internals.directives = [...chunks[0].directives];
  internals.initialInstructions = chunks[0].initialInstructions;
  internals.buildStages = buildStages;
  internals.currentBuildStage = buildStages[buildStages.length - 1];
  internals.foundFrom = buildStages.length > 0;
  internals.instructions = instructions;
  internals.comments = chunks.flatMap((chunk) => chunk.comments);
  return dockerfile;
}
