/**
 * fast-check generators of Dockerfile-shaped text: real instructions in any case with flags, stage names,
 * variables and heredocs, mixed with comments, directives, continuations, unicode, NUL bytes, long lines
 * and every line ending. Shared by the fuzz tests and the incremental parser's differential test.
 */
import fc from 'fast-check';

const KEYWORDS = [
  'FROM',
  'RUN',
  'COPY',
  'ADD',
  'ARG',
  'ENV',
  'WORKDIR',
  'LABEL',
  'USER',
  'CMD',
  'ENTRYPOINT',
  'EXPOSE',
  'ONBUILD',
  'HEALTHCHECK',
  'SHELL',
  'VOLUME',
  'STOPSIGNAL',
  'MAINTAINER',
  'FROMAGE',
  'X',
];

const WORDS = [
  'golang:1.22',
  'alpine:3.20',
  'debian:bookworm-slim',
  'scratch',
  'build',
  'Build',
  'base',
  'context',
  'AS',
  'as',
  'As',
  'builder',
  '0',
  '1',
  '7',
  '$BASE',
  '${BASE}',
  '${a:-${b}}',
  '${VERSION:+x}',
  '$',
  '${',
  '}',
  '/out/app',
  '/app',
  '.',
  '"quoted string"',
  "'single'",
  '["sh", "-c", "echo"]',
  '[]',
  '[',
  'gcc',
  'musl-dev',
  'apk',
  'add',
  'apt-get',
  'install',
  '-y',
  'go',
  'build',
  'CGO_ENABLED=0',
  'A=1',
  'B=',
  '&&',
  '||',
  ';',
  '|',
  '<<EOF',
  '<<-EOT',
  '<<"EOF"',
  'cat',
  '>',
  '#',
  '# not a comment',
  'ünïcödé',
  '日本語',
  '\u0000',
  '\t',
  'x'.repeat(40),
  '=',
  '--',
  '-',
  'EOF',
  'EOT',
];

const FLAGS = [
  '--from=build',
  '--from=0',
  '--from=$X',
  '--from=',
  '--from',
  '--platform=$BUILDPLATFORM',
  '--platform=linux/arm64',
  '--chown=1:1',
  '--mount=type=cache,target=/root/.cache',
  '--mount=type=bind,from=build,source=/out,target=/in',
  '--link',
  '--network=none',
  '--FROM=Base',
];

const randomCase = (word: string) =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((upper) =>
      [...word].map((char, index) => (upper[index] ? char.toUpperCase() : char.toLowerCase())).join(''),
    );

const keyword = fc.constantFrom(...KEYWORDS).chain(randomCase);
const word = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

/** An instruction's first physical line, sometimes continued with the escape character. */
const instructionLine = (escape: string) =>
  fc
    .tuple(
      fc.constantFrom('', '', '', ' ', '\t'),
      keyword,
      fc.array(fc.constantFrom(...FLAGS), { maxLength: 2 }),
      fc.array(word, { maxLength: 6 }),
      fc.constantFrom('', '', '', '', ` ${escape}`, escape, `${escape}  `),
    )
    .map(([indent, key, flags, args, tail]) => [indent + key, ...flags, ...args].join(' ') + tail);

const otherLine = (escape: string) =>
  fc.oneof(
    fc.constantFrom(
      '',
      '   ',
      '# a comment',
      '#',
      '# escape=`',
      '# escape=\\',
      '# syntax=docker/dockerfile:1',
      '# check=skip=StageNameCasing',
      '# dockerfile-stages ignore=UnusedStage',
      '# dockerfile-stages global ignore=all',
      'EOF',
      'EOT',
      '\tEOT',
      ' EOF',
      'echo inside a heredoc',
      `    && more ${escape}`,
      escape,
      '\u0000\u0000',
      '\ufeffFROM bom',
    ),
    fc.string({ maxLength: 20 }),
    fc.integer({ min: 200, max: 4000 }).map((length) => 'a'.repeat(length)),
  );

const LINE_ENDINGS = ['\n', '\n', '\n', '\r\n', '\r'];

/** A whole Dockerfile-shaped text. */
export const dockerfileText: fc.Arbitrary<string> = fc
  .constantFrom('\\', '\\', '`')
  .chain((escape) =>
    fc.tuple(
      fc.constant(escape === '`' ? '# escape=`\n' : ''),
      fc.array(
        fc.tuple(
          fc.oneof(
            { weight: 3, arbitrary: instructionLine(escape) },
            { weight: 2, arbitrary: otherLine(escape) },
          ),
          fc.constantFrom(...LINE_ENDINGS),
        ),
        { maxLength: 40 },
      ),
    ),
  )
  .map(([header, lines]) => header + lines.map(([line, ending]) => line + ending).join(''));

/** One edit as an editor sends it: replace `deleteCount` characters at a relative position with `insert`. */
export interface TextEdit {
  /** Where, as a fraction of the text length, so the same edit fits any text. */
  readonly at: number;
  readonly deleteCount: number;
  readonly insert: string;
}

export const textEdit: fc.Arbitrary<TextEdit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  deleteCount: fc.oneof(
    fc.constant(0),
    fc.constant(0),
    fc.integer({ min: 1, max: 3 }),
    fc.integer({ min: 4, max: 60 }),
  ),
  insert: fc.oneof(
    fc.constantFrom('', 'x', 'a', ' ', '\n', '\r\n', '\\', '\\\n', '`', '#', '$', '{', '}', '"', '\t'),
    fc.constantFrom(
      'FROM alpine AS b\n',
      '\nFROM golang:1.22 AS build\n',
      'from x\n',
      'RUN <<EOF\n',
      'EOF\n',
      'COPY --from=build / /\n',
    ),
    fc.string({ maxLength: 4 }),
  ),
});

export function applyEdit(text: string, edit: TextEdit): string {
  const start = Math.min(text.length, Math.floor(edit.at * (text.length + 1)));
  return text.slice(0, start) + edit.insert + text.slice(start + edit.deleteCount);
}
