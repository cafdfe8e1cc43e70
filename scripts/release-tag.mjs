// Checks a release tag and names the tags that go with it: `node scripts/release-tag.mjs v1.2.3`
// prints `major=v1` and `plain=1.2.3` (GitHub output lines). The tag must be `v` + a SemVer 2
// release version that equals package.json's version; pre-releases never move the major tag.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

const tag = process.argv[2] ?? '';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fail = (message) => {
  console.error(`release tag ${JSON.stringify(tag)}: ${message}`);
  process.exit(1);
};
if (!/^v/.test(tag)) fail('must start with v, e.g. v1.2.3');
const version = semver.valid(tag.slice(1));
if (!version || version !== tag.slice(1)) fail('is not v followed by a SemVer version such as v1.2.3');
const packageVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
if (version !== packageVersion) fail(`does not match package.json's version ${packageVersion}`);
console.log(`plain=${version}`);
if (semver.prerelease(version) === null) console.log(`major=v${semver.major(version)}`);
