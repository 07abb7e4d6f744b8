// Compares the live schema with the last approved one and lists every change as breaking, dangerous or safe (GraphQL
// Inspector's criticality). Exits 1 when a breaking change is not recorded in the changelog, 2 when it cannot run.
//
//   node check.mjs --live <file> [--base <file>] [--changelog <file>]
//
// --live       the schema the server serves now (`scholargraph schema export --output <file>`).
// --base       the last approved schema; without it, schema/schema.graphql as git holds it at the base revision: $SCHEMA_BASE_REF
//              if set, else where this branch left main (the merge base with main or origin/main), else on main itself the
//              first parent of HEAD (main before its last commit or merge). No base revision, or no schema there: nothing to compare.
// --changelog  the changelog that records breaking changes (default: schema/CHANGELOG.md). A breaking change is recorded by a
//              list item that starts with "breaking:" and names the change's path, as this check prints it, in backticks:
//                - breaking: `Paper.venueName` removed; read `Paper.venue { name }` instead.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const approvedPath = 'schema/schema.graphql';

function argument(name) {
  const index = process.argv.indexOf(name);
  return index < 0 ? undefined : process.argv[index + 1];
}

function git(...args) {
  try {
    return execFileSync('git', ['-C', repository, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** The revision whose approved schema the live one is compared with, and why that one. */
function baseRevision() {
  if (process.env.SCHEMA_BASE_REF) return { revision: process.env.SCHEMA_BASE_REF, why: 'SCHEMA_BASE_REF' };
  const head = git('rev-parse', 'HEAD');
  if (!head) return undefined;
  for (const main of ['main', 'origin/main']) {
    const mergeBase = git('merge-base', 'HEAD', main);
    if (mergeBase && mergeBase !== head) return { revision: mergeBase, why: `where this branch left ${main}` };
    if (mergeBase) break;
  }
  const parent = git('rev-parse', '--verify', '--quiet', 'HEAD^1');
  return parent ? { revision: parent, why: 'the first parent of HEAD' } : undefined;
}

function readBase() {
  const file = argument('--base');
  if (file) return { sdl: readFileSync(file, 'utf8'), from: file };
  const base = baseRevision();
  if (!base) return undefined;
  const sdl = git('show', `${base.revision}:${approvedPath}`);
  return sdl === undefined ? undefined : { sdl, from: `${approvedPath} at ${base.revision.slice(0, 12)} (${base.why})` };
}

/** The paths that the changelog's "breaking:" items name in backticks. */
function recordedBreakingPaths(changelog) {
  const recorded = new Set();
  for (const line of changelog.split('\n')) {
    const item = /^\s*[-*]\s+breaking:\s*(.*)$/i.exec(line);
    if (!item) continue;
    for (const named of item[1].matchAll(/`([^`]+)`/g)) recorded.add(named[1]);
  }
  return recorded;
}

const levels = {
  [CriticalityLevel.Breaking]: 'breaking',
  [CriticalityLevel.Dangerous]: 'dangerous',
  [CriticalityLevel.NonBreaking]: 'safe',
};

const livePath = argument('--live');
if (!livePath) {
  console.error('usage: node check.mjs --live <file> [--base <file>] [--changelog <file>]');
  process.exit(2);
}
const base = readBase();
if (!base) {
  console.log('Schema check: no approved schema to compare with (no base revision holds one); nothing to check.');
  process.exit(0);
}
const changelogPath = argument('--changelog') ?? join(repository, 'schema', 'CHANGELOG.md');
const recorded = existsSync(changelogPath) ? recordedBreakingPaths(readFileSync(changelogPath, 'utf8')) : new Set();

const changes = await diff(buildSchema(base.sdl), buildSchema(readFileSync(livePath, 'utf8')));
console.log(`Schema check: the live schema against ${base.from}: ${changes.length} change${changes.length === 1 ? '' : 's'}.`);
const unrecorded = [];
for (const change of changes) {
  const level = levels[change.criticality.level] ?? change.criticality.level;
  const path = change.path ?? change.type;
  const isUnrecorded = change.criticality.level === CriticalityLevel.Breaking && !recorded.has(path);
  if (isUnrecorded) unrecorded.push(path);
  const note = change.criticality.level !== CriticalityLevel.Breaking ? '' : isUnrecorded ? ' (not in the changelog)' : ' (recorded in the changelog)';
  console.log(`  ${level}: \`${path}\`: ${change.message}${note}`);
}
if (unrecorded.length > 0) {
  console.log(`Schema check failed: ${unrecorded.length} breaking change${unrecorded.length === 1 ? ' is' : 's are'} not recorded in ${relative(process.cwd(), changelogPath) || changelogPath}.`);
  console.log('Record each as a list item "- breaking: `<path>` <what changed and what clients do now>" (see README, "Schema changes").');
  process.exit(1);
}
console.log('Schema check passed.');
