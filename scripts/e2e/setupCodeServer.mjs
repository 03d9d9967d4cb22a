// Installs code-server (VS Code 1.100.3 as a web server) into .vscode-test/ for the end-to-end tests.
//
// @vscode/test-electron downloads VS Code from Microsoft's CDN, which machines that reach only the npm
// registry and Debian's archive cannot do. code-server comes from npm instead. Its postinstall script is
// skipped because it refuses to run as root and then downloads ripgrep from GitHub; this script does
// the same work by hand with Debian's ripgrep and native modules built from source.
//
// Usage: node scripts/e2e/setupCodeServer.mjs [--force]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, lstatSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  CODE_SERVER_VERSION,
  cacheDir,
  chromiumPath,
  codeServerDir,
  currentSetupStamp,
  isSetupComplete,
  setupMarker,
  vscodeDir,
} from './codeServerCache.mjs';

/** VS Code's native modules that npm must build for this Node version. */
const NATIVE_MODULES = [
  'kerberos',
  'node-pty',
  '@vscode/spdlog',
  'native-watchdog',
  '@parcel/watcher',
  '@vscode/deviceid',
];

const force = process.argv.includes('--force');

function main() {
  if (!force && isSetupComplete()) {
    console.log(`code-server ${CODE_SERVER_VERSION} is already set up in ${cacheDir}`);
    return;
  }
  const started = Date.now();
  checkPrerequisites();
  const nodeDir = findNodeHeaders();

  if (existsSync(cacheDir) && (force || existsSync(setupMarker))) {
    // A marker from another Node version means every native module is built for the wrong ABI.
    step(`Removing the previous setup in ${cacheDir}`);
    rmSync(cacheDir, { recursive: true, force: true });
  }
  mkdirSync(cacheDir, { recursive: true });

  step(`Installing code-server@${CODE_SERVER_VERSION} without its postinstall script`);
  // An own package.json keeps npm from treating the repository as the project to install into.
  writeFileSync(
    path.join(cacheDir, 'package.json'),
    JSON.stringify({ name: 'e2e-code-server-cache', private: true }, null, 2) + '\n',
  );
  npm(
    [
      'install',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--save-exact',
      `code-server@${CODE_SERVER_VERSION}`,
    ],
    {
      cwd: cacheDir,
    },
  );

  step("Installing VS Code's runtime dependencies");
  npm(['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: vscodeDir });

  step(`Building native modules from source: ${NATIVE_MODULES.join(', ')}`);
  // node-pty's build script runs `npx node-gyp`, which would otherwise stop to ask before installing.
  npm(['rebuild', ...NATIVE_MODULES], {
    cwd: vscodeDir,
    env: { npm_config_yes: 'true', npm_config_nodedir: nodeDir },
  });

  step("Linking Debian's ripgrep where VS Code's search expects @vscode/ripgrep's download");
  const ripgrepBin = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(ripgrepBin, { recursive: true });
  replaceWithSymlink(which('rg'), path.join(ripgrepBin, 'rg'));

  step("Creating the links that code-server's postinstall script would have made");
  // VS Code and some extensions look for bundled files under node_modules.asar, which code-server
  // does not ship as an archive.
  replaceWithSymlink('node_modules', path.join(vscodeDir, 'node_modules.asar'));
  replaceWithSymlink('code-linux.sh', path.join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
  replaceWithSymlink('browser-linux.sh', path.join(vscodeDir, 'bin', 'helpers', 'browser.sh'));

  step("Building code-server's argon2 binding from source");
  const requireFromCodeServer = createRequire(path.join(codeServerDir, 'package.json'));
  const argon2Dir = path.dirname(requireFromCodeServer.resolve('argon2/package.json'));
  const requireFromArgon2 = createRequire(path.join(argon2Dir, 'package.json'));
  const nodePreGyp = requireFromArgon2.resolve('@mapbox/node-pre-gyp/bin/node-pre-gyp');
  run(process.execPath, [nodePreGyp, 'install', '--build-from-source', `--nodedir=${nodeDir}`], {
    cwd: argon2Dir,
  });

  step('Checking that every native module loads');
  const probe = [...NATIVE_MODULES.map((name) => `require(${JSON.stringify(name)});`)].join('');
  run(process.execPath, ['-e', probe], { cwd: vscodeDir });
  run(process.execPath, ['-e', 'require("argon2")'], { cwd: codeServerDir });

  writeFileSync(setupMarker, JSON.stringify(currentSetupStamp(), null, 2) + '\n');
  console.log(
    `\ncode-server ${CODE_SERVER_VERSION} is ready in ${cacheDir} (${seconds(Date.now() - started)})`,
  );
}

/** Fails with the name of the Debian package to install when a build or run prerequisite is missing. */
function checkPrerequisites() {
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (nodeMajor !== 20) {
    fail(`code-server ${CODE_SERVER_VERSION} requires Node 20, but this is Node ${process.versions.node}.`);
  }
  const checks = [
    { pkg: 'libkrb5-dev', present: existsSync('/usr/include/gssapi/gssapi.h'), why: 'the kerberos module' },
    { pkg: 'ripgrep', present: which('rg', { optional: true }) !== undefined, why: "VS Code's search" },
    { pkg: 'chromium', present: existsSync(chromiumPath), why: 'the browser that loads the workbench' },
    {
      pkg: 'build-essential',
      present: ['g++', 'make'].every((tool) => which(tool, { optional: true })),
      why: 'native modules',
    },
    { pkg: 'python3', present: which('python3', { optional: true }) !== undefined, why: 'node-gyp' },
  ];
  const missing = checks.filter((check) => !check.present);
  if (missing.length > 0) {
    const lines = missing.map((check) => `  ${check.pkg} (needed for ${check.why})`);
    fail(
      `Missing Debian packages:\n${lines.join('\n')}\n` +
        `Install them with: apt-get update && apt-get install -y ${missing.map((check) => check.pkg).join(' ')}`,
    );
  }
}

/**
 * Node's C headers, so that node-gyp builds against them instead of downloading them from nodejs.org,
 * which is unreachable here.
 */
function findNodeHeaders() {
  const configured = spawnSync('npm', ['config', 'get', 'nodedir'], { encoding: 'utf8' }).stdout?.trim();
  const candidates = [configured, path.resolve(path.dirname(process.execPath), '..')].filter(
    (dir) => dir && dir !== 'undefined' && dir !== 'null',
  );
  const found = candidates.find((dir) => existsSync(path.join(dir, 'include', 'node', 'node_version.h')));
  if (!found) {
    fail(
      `Node's C headers (include/node/node_version.h) were not found under ${candidates.join(' or ')}; ` +
        'install a Node 20 build that ships them (the nodejs package from NodeSource does), or set npm config nodedir.',
    );
  }
  return found;
}

function npm(args, { cwd, env = {} }) {
  run('npm', args, { cwd, env });
}

function run(command, args, { cwd, env = {} }) {
  const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, stdio: 'inherit' });
  if (result.status !== 0) {
    const how = result.error ? result.error.message : `exit code ${result.status ?? result.signal}`;
    fail(`\`${command} ${args.join(' ')}\` failed in ${cwd} (${how}).`);
  }
}

function which(command, { optional = false } = {}) {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  const found = result.status === 0 ? result.stdout.trim() : undefined;
  if (!found && !optional) {
    fail(`\`${command}\` is not on PATH.`);
  }
  return found;
}

function replaceWithSymlink(target, linkPath) {
  if (lstatSync(linkPath, { throwIfNoEntry: false })) {
    rmSync(linkPath, { recursive: true, force: true });
  }
  symlinkSync(target, linkPath);
  console.log(`  ${path.relative(cacheDir, linkPath)} -> ${target}`);
}

function step(message) {
  console.log(`\n==> ${message}`);
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

function fail(message) {
  console.error(`\nsetupCodeServer: ${message}`);
  process.exit(1);
}

main();
