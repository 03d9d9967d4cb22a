import type { Range } from 'vscode-languageserver-types';
import { analyze } from '../analyze';
import { parseDockerfile } from '../parseDockerfile';
import { findShippedToolchain, type ShippedToolchain } from '../split/shippedToolchain';
import { computeStageFacts, type StageFacts } from '../stageFacts';
import type { Stage } from '../stageModel';
import type { Fix, FixContext, TextEdit } from './fix';
import { BUILDER_WORKDIRS, chooseRuntimeImage } from './runtimeImages';
import { inferArtifact, type ArtifactCopy, type StartedProgram } from './splitArtifacts';
import { layOutStage, type MovedBlock, type StageLayout } from './splitStageLayout';
import { snippetToText } from './snippetText';
import { freeStageName } from './stageNames';
import { applyEdits as applyEditsToText, lineEndingOf } from './textEdits';

/** The name the build stage gets when it has none: the one Docker's multi-stage examples use. */
export const BUILD_STAGE_NAME = 'builder';

export const SPLIT_TITLE = 'Split into build and runtime stages';

/** Rules whose findings on the result mean the split went wrong; the refactoring is then not offered. */
const MUST_NOT_APPEAR = new Set([
  'LibcMismatch',
  'GlibcVersionSkew',
  'PlatformMismatch',
  'UnknownStageReference',
  'ForwardStageReference',
  'SelfStageReference',
  'StageIndexOutOfRange',
  'DuplicateStageName',
  'ToolchainInFinalStage',
]);

/**
 * "Split into build and runtime stages": the final stage, which compiles and ships its toolchain,
 * becomes the build stage (named `builder` unless it has a name), and a new final stage on a
 * runtime image of the same C library and release receives the artifact with `COPY --from` and
 * the runtime-only instructions (with their comments). Every other byte of the file stays as it
 * was. Returns undefined when the final stage does not ship a toolchain, when it is not the last
 * stage of the file, or when the result would not analyse cleanly.
 */
export function splitIntoStages(context: FixContext): Fix | undefined {
  const { analysis, settings, text } = context;
  const stages = analysis.graph.stages;
  const stage = stages[stages.length - 1];
  // A half-typed `FROM image AS` has nowhere to put the name.
  if (!stage || stage.baseRange === undefined || (stage.asRange !== undefined && stage.name === undefined)) {
    return undefined;
  }
  const targetIsLast = settings.target === undefined || stage.nameLower === settings.target.toLowerCase();
  if (!targetIsLast) {
    return undefined;
  }
  const facts = computeStageFacts(analysis.graph, settings)[stage.index];
  const shipped = facts ? findShippedToolchain(facts) : undefined;
  if (!facts || !shipped) {
    return undefined;
  }
  const fix = buildFix(context, stage, facts, shipped);
  return fix && resultIsClean(text, fix, context) ? fix : undefined;
}

function buildFix(
  context: FixContext,
  stage: Stage,
  facts: StageFacts,
  shipped: ShippedToolchain,
): Fix | undefined {
  const { text, analysis } = context;
  const lines = analysis.parsed.lines;
  const eol = lineEndingOf(text);
  const imageWorkdir = BUILDER_WORKDIRS[shipped.origin === 'image' ? shipped.toolchain : ''] ?? '/';
  const layout = layOutStage(stage, lines, imageWorkdir);
  const started = startedProgram(layout);
  const artifact = inferArtifact({
    signals: shipped.signals,
    commands: shipped.compile.commands,
    runWorkdirs: layout.runWorkdirs,
    finalWorkdir: layout.finalWorkdir,
    started,
  });
  const needsShell = layout.moved.some((block) => isShellForm(block));
  const goBuilds = shipped.signals.goBuilds;
  const staticBinary =
    goBuilds.length > 0 && goBuilds.every((build) => build.cgo === '0' || build.staticLdflags);
  const selfContained = shipped.signals.dotnetPublishes.some(
    (publish) => publish.selfContained === true || publish.nativeAot,
  );
  const runtime = chooseRuntimeImage({
    builderReference: facts.imageReference ?? facts.image.reference,
    builder: facts.image,
    toolchain: shipped.toolchain,
    staticBinary,
    needsShell,
    selfContained,
    installedToolchain: shipped.origin === 'installed',
  });

  const buildName = stage.name ?? freeStageName(analysis.graph, BUILD_STAGE_NAME);
  const edits: TextEdit[] = [];
  if (stage.name === undefined && stage.baseRange) {
    const as = stage.fromKeyword === stage.fromKeyword.toLowerCase() ? 'as' : 'AS';
    edits.push({
      range: { start: stage.baseRange.end, end: stage.baseRange.end },
      newText: ` ${as} ${buildName}`,
    });
  }
  for (const block of layout.moved) {
    edits.push({ range: blockRange(block, lines), newText: '' });
  }

  const writer = new SnippetWriter();
  const out = runtimeStageLines(writer, {
    runtimeImage: runtime?.image,
    builderImage: facts.imageReference,
    buildName,
    artifact,
    layout,
    started,
    runs: facts.runs,
    lines,
    eol,
  });

  // When the last line moves, the line break before it is what now ends the build stage.
  const lastLineMoves = layout.moved.some((block) => block.lastLine === lines.length - 1);
  const endsWithBreak = lastLineMoves || /(\r\n|\r|\n)$/.test(text);
  const insertion = `${endsWithBreak ? '' : eol}${eol}${out.join(eol)}${eol}`;
  const end = endPosition(lines);
  edits.push({ range: { start: end, end }, newText: writer.used ? insertion : snippetToText(insertion) });
  const imageName = runtime ? runtime.image : 'a runtime image';
  return {
    title: `${SPLIT_TITLE} (${buildName} + ${imageName})`,
    kind: 'refactor.rewrite',
    ...(writer.used ? { snippet: true } : {}),
    edits,
  };
}

interface RuntimeStageInput {
  /** The runtime base, or undefined when the table has none (a tabstop is written instead). */
  readonly runtimeImage: string | undefined;
  readonly builderImage: string | undefined;
  readonly buildName: string;
  readonly artifact: ArtifactCopy;
  readonly layout: StageLayout;
  readonly started: StartedProgram | undefined;
  readonly runs: readonly string[];
  readonly lines: readonly string[];
  readonly eol: string;
}

/**
 * The lines of the new runtime stage: FROM, the WORKDIR its programs run in, Node's production
 * dependencies, the artifact, how to start it when nothing says, the users the build created, then
 * the moved instructions as written, with their comments.
 */
function runtimeStageLines(writer: SnippetWriter, input: RuntimeStageInput): string[] {
  const { buildName, artifact, layout, started, lines, eol } = input;
  const out: string[] = [];
  if (input.runtimeImage !== undefined) {
    out.push(`FROM ${writer.text(input.runtimeImage)}`);
  } else {
    out.push(
      writer.text(
        `# Use a runtime image with the same C library and release as ${input.builderImage ?? 'the build image'}.`,
      ),
      `FROM ${writer.placeholder('runtime-image')}`,
    );
  }
  const workdirMoved = layout.moved.some((block) => block.keyword === 'WORKDIR');
  // CMD and ENTRYPOINT run in the build stage's final WORKDIR; npm ci needs the package directory.
  const needsWorkdir =
    artifact.kind === 'node' ||
    (started !== undefined && layout.workdirWritten && layout.finalWorkdir !== '/');
  if (needsWorkdir && (!workdirMoved || artifact.kind === 'node')) {
    out.push(writer.text(`WORKDIR ${layout.finalWorkdir}`));
  }
  if (artifact.kind === 'node') {
    const directory = artifact.destination.slice(0, artifact.destination.lastIndexOf('/'));
    out.push(
      writer.text(`COPY --from=${buildName} ${directory}/package*.json ${directory}/`),
      writer.text('RUN npm ci --omit=dev'),
    );
  }
  out.push(...copyLines(writer, buildName, artifact));
  if (!layout.moved.some((block) => block.keyword === 'ENTRYPOINT' || block.keyword === 'CMD')) {
    const start = startLine(writer, artifact);
    if (start !== undefined) {
      out.push(start);
    }
  }
  // A user the build stage creates exists only in its /etc/passwd: the runtime takes the same files
  // (the runtime image is of the same distribution family, so their format matches).
  if (createdUser(layout, input.runs) !== undefined) {
    out.push(writer.text(`COPY --from=${buildName} /etc/passwd /etc/group /etc/`));
  }
  const numericUsers = layout.keptUsers.filter((user) =>
    /^\d+(?::\d+)?$/.test((user.getArgumentsContent() ?? '').trim()),
  );
  const lastUser = numericUsers[numericUsers.length - 1];
  if (lastUser && !layout.moved.some((block) => block.keyword === 'USER')) {
    out.push(writer.text(lines[lastUser.getRange().start.line] ?? ''));
  }
  for (const block of layout.moved) {
    // A blank line that separated the block from what came before it still separates it.
    if (block.deleteFromLine < block.firstLine) {
      out.push('');
    }
    out.push(writer.text(lines.slice(block.firstLine, block.lastLine + 1).join(eol)));
  }

  return out;
}

/** Writes snippet text: literal text escaped, numbered tabstops for what the user must fill in. */
class SnippetWriter {
  private next = 1;
  used = false;

  text(value: string): string {
    return value.replace(/[\\$}]/g, (ch) => `\\${ch}`);
  }

  placeholder(value: string, choices?: readonly string[]): string {
    this.used = true;
    const index = this.next++;
    // Choices are written once per call; a caller that needs the same choice twice reuses the text.
    if (choices && choices.length > 0) {
      return `\${${index}|${choices.map((choice) => choice.replace(/[\\,|]/g, (ch) => `\\${ch}`)).join(',')}|}`;
    }
    return `\${${index}:${this.text(value)}}`;
  }
}

function copyLines(writer: SnippetWriter, buildName: string, artifact: ArtifactCopy): string[] {
  const lines: string[] = [];
  if (artifact.hint) {
    lines.push(writer.text(`# ${artifact.hint}`));
  }
  let source = writer.text(artifact.source);
  let destination = writer.text(artifact.destination);
  if (artifact.placeholder && artifact.choices) {
    // The same tabstop twice: the editor mirrors the choice into the destination.
    const choice = writer.placeholder('', artifact.choices);
    source = `${writer.text(parentOf(artifact.source))}/${choice}`;
    destination = `${writer.text(parentOf(artifact.destination))}/${choice}`;
  } else if (artifact.placeholder) {
    source = writer.placeholder(artifact.source);
  }
  if (/\s/.test(artifact.source) || /\s/.test(artifact.destination)) {
    lines.push(`COPY --from=${buildName} [${JSON.stringify(source)}, ${JSON.stringify(destination)}]`);
  } else {
    lines.push(`COPY --from=${buildName} ${source} ${destination}`);
  }
  return lines;
}

/** The name of the moved USER when a RUN of the stage creates it (adduser, useradd). */
function createdUser(layout: StageLayout, runs: readonly string[]): string | undefined {
  const block = layout.moved.find((candidate) => candidate.keyword === 'USER');
  const name = (block?.instruction.getArgumentsContent() ?? '').trim().split(':')[0] ?? '';
  if (name === '' || name === 'root' || /^\d+$/.test(name) || name.includes('$')) {
    return undefined;
  }
  const creates = new RegExp(`\\b(?:adduser|useradd)\\b[\\s\\S]*?\\b${escapeRegExp(name)}\\b`);
  return runs.some((run) => creates.test(run)) ? name : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

/** How the runtime starts the artifact when the stage had no ENTRYPOINT or CMD to move. */
function startLine(writer: SnippetWriter, artifact: ArtifactCopy): string | undefined {
  if (artifact.kind === 'binary' && !artifact.placeholder) {
    return writer.text(`ENTRYPOINT [${JSON.stringify(artifact.destination)}]`);
  }
  if (artifact.kind === 'jar') {
    return `ENTRYPOINT ["java", "-jar", "${writer.placeholder(`${artifact.destination}app.jar`)}"]`;
  }
  if (artifact.kind === 'dotnet') {
    return `ENTRYPOINT ["dotnet", "${writer.placeholder(`${artifact.destination}/App.dll`)}"]`;
  }
  return undefined;
}

/** The program the moved ENTRYPOINT (else CMD) starts, with the WORKDIR it starts in. */
function startedProgram(layout: StageLayout): StartedProgram | undefined {
  const block =
    layout.moved.find((candidate) => candidate.keyword === 'ENTRYPOINT') ??
    layout.moved.find((candidate) => candidate.keyword === 'CMD');
  if (!block) {
    return undefined;
  }
  const content = (block.instruction.getArgumentsContent() ?? '').trim();
  const words = execFormWords(content) ?? content.split(/\s+/).filter((word) => word !== '');
  return words.length > 0 ? { words, workdir: layout.finalWorkdir } : undefined;
}

function execFormWords(content: string): string[] | undefined {
  if (!content.startsWith('[')) {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(content);
    return Array.isArray(parsed) && parsed.every((word) => typeof word === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** A shell-form CMD, ENTRYPOINT or HEALTHCHECK needs /bin/sh in the runtime image. */
function isShellForm(block: MovedBlock): boolean {
  if (block.keyword !== 'CMD' && block.keyword !== 'ENTRYPOINT' && block.keyword !== 'HEALTHCHECK') {
    return false;
  }
  let content = (block.instruction.getArgumentsContent() ?? '').trim();
  if (block.keyword === 'HEALTHCHECK') {
    if (/^NONE$/i.test(content)) {
      return false;
    }
    content = content.replace(/^.*?\bCMD\b\s*/is, '');
  }
  return execFormWords(content) === undefined;
}

/** The whole lines of a block, with the line break after it, so nothing of it is left behind. */
function blockRange(block: MovedBlock, lines: readonly string[]): Range {
  const start = { line: block.deleteFromLine, character: 0 };
  if (block.lastLine + 1 < lines.length) {
    return { start, end: { line: block.lastLine + 1, character: 0 } };
  }
  return { start, end: { line: block.lastLine, character: (lines[block.lastLine] ?? '').length } };
}

function endPosition(lines: readonly string[]): { line: number; character: number } {
  const last = Math.max(0, lines.length - 1);
  return { line: last, character: (lines[last] ?? '').length };
}

/**
 * Applies the fix (placeholders at their defaults) and analyses the result: it must parse into one
 * more stage and raise none of the findings that would mean the split broke the build.
 */
function resultIsClean(text: string, fix: Fix, context: FixContext): boolean {
  const after = applyPlain(text, fix);
  const parsed = parseDockerfile(after);
  if (!parsed.dockerfile) {
    return false;
  }
  const result = analyze(after, context.settings);
  if (result.graph.stages.length !== context.analysis.graph.stages.length + 1) {
    return false;
  }
  return !result.findings.some((finding) => MUST_NOT_APPEAR.has(finding.ruleId));
}

/** The text after the fix, with snippet placeholders at their defaults. */
export function applyPlain(text: string, fix: Fix): string {
  const edits = fix.snippet
    ? fix.edits.map((edit) => ({ ...edit, newText: snippetToText(edit.newText) }))
    : fix.edits;
  return applyEditsToText(text, edits);
}
