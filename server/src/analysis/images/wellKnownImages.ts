import { findImageFamily, isSpecificFamily } from './imageFamilies';
import { parseImageReference } from './imageReference';

/**
 * Docker Hub namespaces that hold the official images built for one architecture, e.g.
 * `arm64v8/alpine` (libc.md §6, "official-images arch" column; windows-amd64 from the library
 * files' `Architectures:` values in §1).
 */
export const officialArchitectureNamespaces: ReadonlySet<string> = new Set([
  'amd64',
  'arm32v5',
  'arm32v6',
  'arm32v7',
  'arm64v8',
  'i386',
  'mips64le',
  'ppc64le',
  'riscv64',
  's390x',
  'windows-amd64',
]);

/**
 * Docker Official Image names (docker-library/official-images `library/`, as of 2026, including
 * a few deprecated ones such as centos and openjdk that Dockerfiles still name), so that a
 * reference such as `COPY --from=nginx` reads as an image rather than a misspelt stage.
 */
export const officialImageNames: ReadonlySet<string> = new Set([
  'adminer',
  'aerospike',
  'almalinux',
  'alpine',
  'alt',
  'amazoncorretto',
  'amazonlinux',
  'arangodb',
  'archlinux',
  'backdrop',
  'bash',
  'bonita',
  'buildpack-deps',
  'busybox',
  'caddy',
  'cassandra',
  'centos',
  'chronograf',
  'cirros',
  'clearlinux',
  'clickhouse',
  'clojure',
  'composer',
  'couchbase',
  'couchdb',
  'crate',
  'dart',
  'debian',
  'docker',
  'drupal',
  'eclipse-mosquitto',
  'eclipse-temurin',
  'eggdrop',
  'elasticsearch',
  'elixir',
  'emqx',
  'erlang',
  'fedora',
  'flink',
  'fluentd',
  'friendica',
  'gazebo',
  'gcc',
  'geonetwork',
  'ghost',
  'golang',
  'gradle',
  'groovy',
  'haproxy',
  'haskell',
  'haxe',
  'hello-world',
  'hitch',
  'httpd',
  'hylang',
  'ibm-semeru-runtimes',
  'ibmjava',
  'influxdb',
  'irssi',
  'jetty',
  'joomla',
  'jruby',
  'julia',
  'kapacitor',
  'kibana',
  'kong',
  'krakend',
  'liquibase',
  'logstash',
  'mageia',
  'mariadb',
  'matomo',
  'maven',
  'mediawiki',
  'memcached',
  'mongo',
  'mongo-express',
  'monica',
  'mono',
  'mysql',
  'nats',
  'neo4j',
  'neurodebian',
  'nextcloud',
  'nginx',
  'node',
  'odoo',
  'open-liberty',
  'openjdk',
  'oraclelinux',
  'orientdb',
  'percona',
  'perl',
  'photon',
  'php',
  'phpmyadmin',
  'plone',
  'postfixadmin',
  'postgres',
  'pypy',
  'python',
  'r-base',
  'rabbitmq',
  'racket',
  'redis',
  'redmine',
  'registry',
  'rethinkdb',
  'rocket.chat',
  'rockylinux',
  'ros',
  'ruby',
  'rust',
  'sapmachine',
  'satosa',
  'scratch',
  'silverpeas',
  'solr',
  'sonarqube',
  'spark',
  'spiped',
  'storm',
  'swift',
  'swipl',
  'teamspeak',
  'telegraf',
  'tomcat',
  'tomee',
  'traefik',
  'ubuntu',
  'unit',
  'varnish',
  'websphere-liberty',
  'wordpress',
  'xwiki',
  'yourls',
  'znc',
  'zookeeper',
]);

/**
 * Whether `name` (optionally with a tag or digest) is an official Docker Hub image or an image
 * the knowledge base knows by name, such as `gcr.io/distroless/static-debian12`. Names Docker
 * would reject, such as ones with uppercase letters, are not images.
 */
export function isWellKnownImageName(name: string): boolean {
  try {
    const parsed = parseImageReference(name);
    if (!parsed || !parsed.valid) {
      return false;
    }
    const [namespace = '', image = ''] = parsed.repository.split('/');
    if (
      parsed.registry === undefined &&
      (namespace === 'library' || officialArchitectureNamespaces.has(namespace))
    ) {
      if (officialImageNames.has(image)) {
        return true;
      }
    }
    const family = findImageFamily(parsed.canonicalName);
    return family !== undefined && isSpecificFamily(family);
  } catch {
    return false;
  }
}
