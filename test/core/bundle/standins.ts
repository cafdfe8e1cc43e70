/** Stand-in helm and kubectl binaries that record every call, for the script tests. */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../helpers/catalog.js';

/**
 * Stand-in helm and kubectl: each call appends one record (cwd, program, arguments) to a log,
 * fields separated by \x1f and records by \x1e so arguments may hold newlines. `helm version`
 * prints $STANDIN_HELM_VERSION; a release named in $STANDIN_FAIL makes `helm upgrade` fail.
 * `kubectl get namespace N`: namespaces in $STANDIN_EXISTING or $STANDIN_CREATED exist (phase
 * Active), and those in $STANDIN_CREATED carry deploy.sh's created-by label.
 */
export function standIns(): { bin: string; log: string; calls(): string[][] } {
  const root = tempDir('aicr-standin-');
  const bin = join(root, 'bin');
  const log = join(root, 'calls.log');
  mkdirSync(bin);
  writeFileSync(log, '');
  for (const program of ['helm', 'kubectl']) {
    writeFileSync(join(bin, program), `#!/usr/bin/env bash
{ printf '%s\\x1f' "$PWD" "${program}" "$@"; printf '\\x1e'; } >> "${log}"
if [[ "${program}" == helm && "$1" == version ]]; then echo "\${STANDIN_HELM_VERSION:-v3.18.0}"; exit 0; fi
if [[ "${program}" == helm && "$1" == upgrade && -n "\${STANDIN_FAIL:-}" && "$3" == "\${STANDIN_FAIL}" ]]; then exit 1; fi
if [[ "${program}" == kubectl && "$1" == get && "$2" == namespace ]]; then
  if [[ " \${STANDIN_CREATED:-} " == *" $3 "* && "$*" == *created-by* ]]; then printf aicr-bundle; fi
  if [[ " \${STANDIN_EXISTING:-} \${STANDIN_CREATED:-} " == *" $3 "* && "$*" == *status.phase* ]]; then printf Active; fi
fi
exit 0
`);
    chmodSync(join(bin, program), 0o755);
  }
  return {
    bin,
    log,
    calls: () => readFileSync(log, 'utf8').split('\x1e').filter(Boolean).map((record) => record.split('\x1f').slice(0, -1)),
  };
}
