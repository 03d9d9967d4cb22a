import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildStageGraph } from '../../../server/src/analysis/buildStageGraph';
import { parseDockerfile } from '../../../server/src/analysis/parseDockerfile';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../../server/src/analysis/settings';
import { computeStageFacts } from '../../../server/src/analysis/stageFacts';

function factsOf(text: string, settings: AnalysisSettings = DEFAULT_SETTINGS) {
  const graph = buildStageGraph(parseDockerfile(text), { buildArgs: settings.buildArgs });
  return computeStageFacts(graph, settings);
}

describe('computeStageFacts', () => {
  it('classifies each stage by its base image', () => {
    const facts = factsOf('FROM golang:1.22 AS build\nFROM alpine:3.20\n');
    assert.equal(facts.length, 2);
    assert.equal(facts[0].image.libc, 'glibc');
    assert.equal(facts[0].imageReference, 'golang:1.22');
    assert.equal(facts[1].image.libc, 'musl');
    assert.equal(facts[1].image.release, '3.20');
    assert.equal(facts[1].inheritsFrom, undefined);
  });

  it('inherits the image, ENV and platform through FROM <stage> chains, but not ARGs', () => {
    const facts = factsOf(
      [
        'FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS base',
        'ENV CGO_ENABLED=0',
        'ARG ONLY_HERE=1',
        'RUN go build -o /out/app .',
        'FROM base AS build',
        'ENV GOFLAGS=-trimpath',
        'FROM build',
      ].join('\n'),
    );
    const last = facts[2];
    assert.equal(last.image.libc, 'musl');
    assert.equal(last.imageReference, 'golang:1.22-alpine');
    assert.equal(last.inheritsFrom, 1);
    assert.deepEqual(last.chain, [2, 1, 0]);
    assert.equal(last.platform, '$BUILDPLATFORM');
    assert.equal(last.platformStage, 0);
    assert.deepEqual(last.env, { CGO_ENABLED: '0', GOFLAGS: '-trimpath' });
    assert.deepEqual(last.args, {});
    assert.deepEqual(last.buildInput.runs, ['go build -o /out/app .']);
    assert.deepEqual(facts[0].args, { ONLY_HERE: '1' });
  });

  it('expands global ARGs and build arguments in FROM and --platform', () => {
    const text = 'ARG BASE=debian:bookworm\nARG PLATFORM=linux/arm64\nFROM --platform=${PLATFORM} ${BASE}\n';
    const defaults = factsOf(text);
    assert.equal(defaults[0].imageReference, 'debian:bookworm');
    assert.equal(defaults[0].image.glibcVersion, '2.36');
    assert.equal(defaults[0].platform, 'linux/arm64');
    const overridden = factsOf(text, { ...DEFAULT_SETTINGS, buildArgs: { BASE: 'alpine:3.20' } });
    assert.equal(overridden[0].image.libc, 'musl');
  });

  it('gives a bare stage ARG the global value and expands ENV at declaration', () => {
    const facts = factsOf('ARG CGO=0\nFROM golang:1.22\nARG CGO\nENV CGO_ENABLED=${CGO} PATH_X="a b"\n');
    assert.deepEqual(facts[0].args, { CGO: '0' });
    assert.deepEqual(facts[0].env, { CGO_ENABLED: '0', PATH_X: 'a b' });
  });

  it('reads RUN text without flags, with continuations joined and exec form quoted', () => {
    const facts = factsOf(
      '# escape=`\nFROM golang:1.22\nRUN --mount=type=cache,target=/root/.cache `\n  go build -o /app .\nRUN ["sh", "-c", "go build -o /b ."]\n',
    );
    assert.equal(facts[0].runs.length, 2);
    assert.match(facts[0].runs[0], /^go build\s+-o \/app \.$/);
    assert.equal(facts[0].runs[1], "sh -c 'go build -o /b .'");
  });

  it('applies image overrides from settings', () => {
    const settings: AnalysisSettings = {
      ...DEFAULT_SETTINGS,
      images: [{ glob: 'registry.example.com/base/*', libc: 'musl', release: 'alpine 3.20' }],
    };
    const facts = factsOf('FROM registry.example.com/base/runtime:1\n', settings);
    assert.equal(facts[0].image.libc, 'musl');
    assert.equal(facts[0].image.releaseLabel, 'alpine 3.20');
  });

  it('is total on unknown, variable and missing bases', () => {
    const facts = factsOf('FROM $NOPE\nFROM mycorp/thing:1\nFROM\n');
    assert.ok(facts.every((fact) => fact.image.libc === 'unknown'));
    assert.equal(facts[0].imageReference, undefined);
  });

  it('returns the cached array for the same graph and settings', () => {
    const graph = buildStageGraph(parseDockerfile('FROM alpine\n'));
    assert.equal(computeStageFacts(graph, DEFAULT_SETTINGS), computeStageFacts(graph, DEFAULT_SETTINGS));
  });
});
