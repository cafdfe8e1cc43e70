import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../helpers/paths.js';

const OS_SUBTYPES = '    - type: OS\n      subtypes:\n';

/**
 * What the simulated agent Job reports: the shared agent fixture plus the kernel release the agent
 * reads from sysctl. The 2026 catalog's os-ubuntu mixin constrains it (>= 6.8), and an overlay whose
 * constraint the snapshot cannot answer is left out, so without it no leaf covers eks/h100/ubuntu/training.
 */
function agentSnapshot(): string {
  const fixture = readFileSync(join(FIXTURES, 'kube', 'agent-snapshot.yaml'), 'utf8');
  if (!fixture.includes(OS_SUBTYPES)) throw new Error('agent-snapshot.yaml has no OS measurement to extend');
  return fixture.replace(OS_SUBTYPES, `${OS_SUBTYPES}        - subtype: sysctl\n          data:\n            /proc/sys/kernel/osrelease: 6.8.0-1028-aws\n`);
}

export const AGENT_SNAPSHOT = agentSnapshot();
