import type { ImageFamily } from './imageFamily';
import { debianTrixie, scratch, ubuntuFocal, ubuntuJammy, ubuntuNoble, ubuntuResolute } from './releaseRefs';

/** Docker Official Images for servers and tools (libc.md §2 and Appendix B), data as of 2026-08-21. */
export const applicationImages: readonly ImageFamily[] = [
  {
    id: 'nginx',
    repositories: ['nginx'],
    base: debianTrixie,
    alpine: '3.24',
    source: 'libc.md §2 nginx (debian:trixie-slim; alpine-slim = alpine 3.24)',
  },
  {
    id: 'httpd',
    repositories: ['httpd'],
    base: debianTrixie,
    alpine: '3.24',
    source: 'libc.md §2 httpd (debian:trixie-slim)',
  },
  {
    id: 'redis',
    repositories: ['redis'],
    base: debianTrixie,
    alpine: '3.23',
    source: 'libc.md §2 redis (trixie; alpine3.23)',
  },
  {
    id: 'postgres',
    repositories: ['postgres'],
    base: debianTrixie,
    alpine: '3.24',
    versionsAreExhaustive: true,
    versions: [
      {
        min: '14',
        max: '18',
        base: debianTrixie,
        alpine: '3.24',
        source: 'libc.md §2 postgres (14–18 → debian:trixie-slim)',
      },
    ],
    source: 'libc.md §2 postgres; docker-library/postgres',
  },
  {
    id: 'mysql',
    repositories: ['mysql'],
    base: { os: 'oraclelinux', release: '9', flavor: 'slim' },
    versionsAreExhaustive: true,
    versions: [
      {
        min: '8.4',
        base: { os: 'oraclelinux', release: '9', flavor: 'slim' },
        source: 'libc.md §2 mysql (latest/innovation 26.7, lts 9.7, 8.4 → oraclelinux:9-slim)',
      },
    ],
    words: {
      innovation: { source: 'libc.md §2 mysql innovation tag' },
      oracle: {
        base: { os: 'oraclelinux', release: '9', flavor: 'slim' },
        source: 'libc.md §3 rule 9 (mysql -oracle = OL9)',
      },
      oraclelinux9: {
        base: { os: 'oraclelinux', release: '9', flavor: 'slim' },
        source: 'libc.md §2 mysql -oraclelinux9',
      },
    },
    source: 'libc.md §2 mysql; library/mysql',
  },
  {
    id: 'mariadb',
    repositories: ['mariadb'],
    base: ubuntuNoble,
    versionsAreExhaustive: true,
    versions: [
      { min: '13.0', base: ubuntuResolute, source: 'libc.md §2 mariadb (13.0 → resolute)' },
      { min: '11.4', max: '12.3', base: ubuntuNoble, source: 'libc.md §2 mariadb (11.4–12.3 → noble)' },
      { min: '10.11', max: '10.11', base: ubuntuJammy, source: 'libc.md §2 mariadb (10.11 → jammy)' },
      { min: '10.6', max: '10.6', base: ubuntuJammy, source: 'libc.md §2 mariadb (10.6 → jammy)' },
    ],
    words: {
      ubi: {
        base: { os: 'rhel', release: '10', flavor: 'minimal' },
        source: 'libc.md Appendix B (mariadb ubi: redhat/ubi10-minimal)',
      },
      ubi9: {
        base: { os: 'rhel', release: '9', flavor: 'minimal' },
        source: 'libc.md §2 mariadb -ubi9 (redhat/ubi9-minimal)',
      },
      ubi10: {
        base: { os: 'rhel', release: '10', flavor: 'minimal' },
        source: 'libc.md §2 mariadb -ubi10 (redhat/ubi10-minimal)',
      },
    },
    source: 'libc.md §2 mariadb; library/mariadb',
  },
  {
    id: 'mongo',
    repositories: ['mongo'],
    versionsAreExhaustive: true,
    versions: [
      { min: '8.0', max: '8.3', base: ubuntuNoble, source: 'libc.md §2 mongo (8.0, 8.3 → noble)' },
      { min: '7.0', max: '7.0', base: ubuntuJammy, source: 'libc.md §2 mongo (7.0 → jammy)' },
    ],
    source: 'libc.md §2 mongo (no latest Linux tag as of 2026-08-21)',
  },
  {
    id: 'elasticsearch',
    repositories: ['elasticsearch', 'docker.elastic.co/elasticsearch/elasticsearch'],
    versionsAreExhaustive: true,
    versions: [
      {
        min: '9',
        base: { os: 'rhel', release: '9', flavor: 'minimal' },
        source: 'libc.md §2 elasticsearch (9.x → redhat/ubi9-minimal)',
      },
      {
        min: '8.17',
        max: '8.19',
        base: ubuntuNoble,
        source: 'libc.md §2 elasticsearch (8.17–8.19 → ubuntu:24.04)',
      },
      {
        min: '7.17',
        max: '8.16',
        base: ubuntuFocal,
        source: 'libc.md §2 elasticsearch (7.17–8.16 → ubuntu:20.04)',
      },
    ],
    source: 'libc.md §2 elasticsearch; elastic/dockerfiles branches',
  },
  {
    id: 'rabbitmq',
    repositories: ['rabbitmq'],
    base: ubuntuNoble,
    alpine: '3.23',
    versionsAreExhaustive: true,
    versions: [
      {
        min: '4.0',
        max: '4.3',
        base: ubuntuNoble,
        alpine: '3.23',
        source: 'libc.md §2 rabbitmq (4.0–4.3 → ubuntu:24.04; alpine 3.23)',
      },
    ],
    source: 'libc.md §2 rabbitmq; docker-library/rabbitmq',
  },
  {
    id: 'memcached',
    repositories: ['memcached'],
    base: debianTrixie,
    alpine: '3.24',
    source: 'libc.md §2 memcached (debian:trixie-slim)',
  },
  {
    id: 'haproxy',
    repositories: ['haproxy'],
    base: debianTrixie,
    alpine: '3.24',
    source: 'libc.md §2 haproxy (debian:trixie-slim)',
  },
  {
    id: 'traefik',
    repositories: ['traefik'],
    base: { os: 'alpine', release: '3.24' },
    alpine: '3.24',
    source: 'libc.md §2 traefik (alpine:3.24; Go binary); traefik/traefik-library-image',
  },
  {
    id: 'caddy',
    repositories: ['caddy'],
    base: { os: 'alpine', release: '3.23' },
    alpine: '3.23',
    words: {
      builder: {
        patch: { toolchain: 'go', hasCCompiler: false },
        source: 'libc.md §2 caddy (builder = golang:*-alpine)',
      },
    },
    source: 'libc.md §2 caddy (alpine 3.23 in the image repo as of 2026-08); caddyserver/caddy-docker',
  },
  {
    id: 'docker',
    repositories: ['docker'],
    base: { os: 'alpine', release: '3.24' },
    alpine: '3.24',
    source: 'libc.md §2 docker (docker:cli = alpine:3.24 + static docker CLI; dind FROM cli)',
  },
  {
    id: 'registry',
    repositories: ['registry'],
    base: { os: 'alpine' },
    source: 'libc.md §2 registry (alpine)',
  },
  {
    id: 'nats',
    repositories: ['nats'],
    base: scratch,
    words: { scratch: { base: scratch, source: 'libc.md §2 nats (scratch variant)' } },
    source: 'libc.md §2 nats (latest = scratch variant with a static Go binary); libc.md §1 no-libc table',
  },
  {
    id: 'buildpack-deps',
    repositories: ['buildpack-deps'],
    base: debianTrixie,
    words: {
      curl: {
        patch: { toolchain: null, hasCCompiler: false },
        source: 'libc.md §2 buildpack-deps -curl (no compiler)',
      },
      scm: {
        patch: { toolchain: null, hasCCompiler: false },
        source: 'libc.md §2 buildpack-deps -scm (no compiler)',
      },
    },
    toolchain: 'c',
    patch: { hasCCompiler: true },
    source: 'libc.md §2 buildpack-deps (trixie = latest, stable; compiler: yes)',
  },
  {
    id: 'hello-world',
    repositories: ['hello-world'],
    base: scratch,
    source: 'libc.md §1 hello-world (scratch + static binary)',
  },
];
