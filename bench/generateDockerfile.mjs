// Generates the benchmark's Dockerfiles: multi-stage files of 22 lines per stage, written like real ones
// (global ARGs, named stages copying from earlier ones, RUN with continuations, a heredoc, comments).

/** The lines of one stage; `index` names it and lets it copy from the stage before. */
function stageLines(index) {
  const name = `stage${index}`;
  const previous = index > 0 ? `stage${index - 1}` : undefined;
  return [
    `# Stage ${index}: builds part ${index} of the application.`,
    `FROM \${BASE_IMAGE}:\${BASE_TAG} AS ${name}`,
    `ARG VERSION=1.${index}.0`,
    `ENV APP_HOME=/opt/app${index} \\`,
    `    PATH=/opt/app${index}/bin:$PATH`,
    `WORKDIR /opt/app${index}`,
    `RUN apt-get update \\`,
    `    && apt-get install -y --no-install-recommends ca-certificates curl \\`,
    `    && rm -rf /var/lib/apt/lists/*`,
    previous ? `COPY --from=${previous} /opt/app${index - 1}/bin/ /opt/app${index}/bin/` : `COPY . /src`,
    `COPY package.json package-lock.json ./`,
    `RUN --mount=type=cache,target=/root/.cache \\`,
    `    make -C /src build-${index} VERSION=\${VERSION}`,
    `RUN <<EOF`,
    `set -e`,
    `echo "building ${name}" > /opt/app${index}/NOTES`,
    `EOF`,
    `LABEL org.opencontainers.image.version="\${VERSION}"`,
    `USER 1000:1000`,
    `EXPOSE ${8000 + (index % 1000)}`,
    `CMD ["/opt/app${index}/bin/run", "--port", "${8000 + (index % 1000)}"]`,
    '',
  ];
}

/** A Dockerfile of `stages` stages and 22 × stages − 2 lines. */
export function generateMultiStageDockerfile(stages) {
  const lines = ['ARG BASE_IMAGE=debian', 'ARG BASE_TAG=bookworm-slim', ''];
  for (let index = 0; index < stages; index++) {
    lines.push(...stageLines(index));
  }
  // Three header lines and a shorter last stage give the sizes of the published comparison: 108, 1,098 and
  // 10,998 lines for 5, 50 and 500 stages.
  return lines.slice(0, 22 * stages - 2).join('\n') + '\n';
}

/** A typical project Dockerfile (two or three stages, 25–45 lines), varied by `seed`. */
export function generateTypicalDockerfile(seed) {
  const bases = ['golang:1.22', 'node:20-alpine', 'python:3.12-slim', 'rust:1.79', 'eclipse-temurin:21'];
  const runtimes = ['debian:bookworm-slim', 'alpine:3.20', 'gcr.io/distroless/static', 'ubuntu:24.04'];
  const lines = [
    '# syntax=docker/dockerfile:1',
    `ARG BASE_IMAGE=${bases[seed % bases.length]}`,
    'ARG BASE_TAG=latest',
    '',
  ];
  const stages = 2 + (seed % 2);
  for (let index = 0; index < stages; index++) {
    lines.push(...stageLines(index).slice(0, 14 + (seed % 8)));
  }
  lines.push(
    `FROM ${runtimes[seed % runtimes.length]} AS runtime`,
    `COPY --from=stage${stages - 1} /opt/app /opt/app`,
  );
  lines.push('ENTRYPOINT ["/opt/app/bin/run"]');
  return lines.join('\n') + '\n';
}
