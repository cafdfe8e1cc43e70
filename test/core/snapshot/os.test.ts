import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { osCollector, parseKernelCommandLine, parseOsRelease, sysctlReadings } from '../../../src/core/snapshot/collectors/os.js';
import type { CollectorResult } from '../../../src/core/snapshot/collector.js';
import { silentLogger } from '../../../src/core/logger.js';
import { extractCriteria } from '../../../src/core/recipe/snapshot-criteria.js';
import type { Measurement } from '../../../src/core/documents/types.js';
import { FIXTURES } from '../../helpers/paths.js';

const HOSTS = join(FIXTURES, 'snapshot', 'hosts');
const run = (options: Parameters<typeof osCollector>[0]): Promise<CollectorResult> =>
  osCollector(options).collect({ logger: silentLogger, signal: new AbortController().signal, env: {} });

function measurement(result: CollectorResult): Measurement {
  if (result.status !== 'collected') throw new Error(`not collected: ${result.reason}`);
  return result.measurements[0]!;
}
const subtype = (m: Measurement, name: string) => m.subtypes!.find((s) => s.subtype === name)?.data;

describe('OS collector on a fixture host (Ubuntu 24.04)', () => {
  const root = join(HOSTS, 'ubuntu-24.04');
  const options = { procRoot: join(root, 'proc'), etcRoot: join(root, 'etc'), usrLibRoot: join(root, 'usr/lib') };

  it('reads grub, sysctl, kmod and release in upstream\'s order', async () => {
    const os = measurement(await run(options));
    expect(os.type).toBe('OS');
    expect(os.subtypes!.map((s) => s.subtype)).toEqual(['grub', 'sysctl', 'kmod', 'release']);
    expect(os.unavailable).toBeUndefined();
  });

  it('grub: key=value tokens, bare flags as "", last repeat wins, root= dropped', async () => {
    expect(subtype(measurement(await run(options)), 'grub')).toEqual({
      BOOT_IMAGE: '/vmlinuz-6.8.0-1028-aws',
      ro: '',
      console: 'ttyS0',
      'nvme_core.io_timeout': '4294967295',
      panic: '-1',
      quiet: '',
      iommu: 'pt',
    });
  });

  it('sysctl: /proc/sys paths as keys, net/cdrom/random uuid and symlinks left out, multi-field lines split', async () => {
    expect(subtype(measurement(await run(options)), 'sysctl')).toEqual({
      '/proc/sys/fs/core_modes/file': '0',
      '/proc/sys/fs/core_modes/pipe': '1',
      '/proc/sys/fs/file-max': '9223372036854775807',
      '/proc/sys/fs/file-nr': '3520\t0\t9223372036854775807',
      '/proc/sys/kernel/hostname': 'ip-10-0-12-34',
      '/proc/sys/kernel/numa_balancing': '0',
      '/proc/sys/kernel/osrelease': '6.8.0-1028-aws',
      '/proc/sys/kernel/printk': '4\t4\t1\t7',
      '/proc/sys/kernel/random/boot_id': 'f0c8d7a4-4c1b-4a0e-9b7e-2a5d3c1e8f90',
      '/proc/sys/user/max_user_namespaces': '63936',
      '/proc/sys/vm/commented': '1',
      '/proc/sys/vm/nr_hugepages': '0',
      '/proc/sys/vm/swappiness': '60',
    });
  });

  it('kmod: every loaded module as true', async () => {
    expect(subtype(measurement(await run(options)), 'kmod')).toEqual({
      nvidia_uvm: true, nvidia_drm: true, nvidia_modeset: true, nvidia_peermem: true, nvidia: true, br_netfilter: true, overlay: true, ena: true,
    });
  });
});

describe('OS release variants', () => {
  it.each([
    ['ubuntu-24.04', { ID: 'ubuntu', VERSION_ID: '24.04', PRETTY_NAME: 'Ubuntu 24.04.2 LTS', VERSION_CODENAME: 'noble' }, 'ubuntu'],
    ['rhel-9.4', { ID: 'rhel', VERSION_ID: '9.4', ID_LIKE: 'fedora', REDHAT_BUGZILLA_PRODUCT_VERSION: '9.4' }, 'rhel'],
    ['amzn-2023', { ID: 'amzn', VERSION_ID: '2023', PLATFORM_ID: 'platform:al2023' }, 'any'],
    ['cos-113', { ID: 'cos', VERSION_ID: '113', BUILD_ID: '18244.291.9' }, 'cos'],
    ['talos-1.9', { ID: 'talos', VERSION_ID: 'v1.9.5', NAME: 'Talos' }, 'any'],
  ])('%s', async (host, expected, criteriaOs) => {
    const root = join(HOSTS, host);
    const result = await run({ procRoot: join(root, 'proc'), etcRoot: join(root, 'etc'), usrLibRoot: join(root, 'usr/lib') });
    const os = measurement(result);
    expect(subtype(os, 'release')).toMatchObject(expected);
    // These hosts carry no proc tree: the other sources are unavailable, each with its reason.
    if (host !== 'ubuntu-24.04') {
      expect(os.unavailable?.subtypes).toEqual({
        grub: '/proc/cmdline does not exist',
        sysctl: `${join(root, 'proc')}/sys does not exist`,
        kmod: '/proc/modules does not exist',
      });
      expect(os.unavailable?.reason).toBe('3 of 4 OS sources unavailable (grub, sysctl, kmod)');
    }
    // What the recipe stage detects from it (amzn and talos are not recipe OS names).
    expect(extractCriteria({ measurements: [os] }).os).toBe(criteriaOs);
  });

  it('falls back to /usr/lib/os-release only when /etc/os-release does not exist', async () => {
    const root = join(HOSTS, 'amzn-2023');
    const release = subtype(measurement(await run({ procRoot: join(root, 'proc'), etcRoot: join(root, 'etc'), usrLibRoot: join(root, 'usr/lib') })), 'release');
    expect(release?.ID).toBe('amzn');
    const none = await run({ procRoot: join(root, 'proc'), etcRoot: join(root, 'etc'), usrLibRoot: join(root, 'nowhere') });
    expect(none).toEqual({
      status: 'unavailable',
      reason: `grub: /proc/cmdline does not exist; sysctl: ${join(root, 'proc')}/sys does not exist; kmod: /proc/modules does not exist; release: neither /etc/os-release nor /usr/lib/os-release exists`,
    });
  });
});

describe('OS parsers', () => {
  it('os-release: quotes stripped from both ends, comments, blank and empty values skipped, no escapes', () => {
    expect(parseOsRelease('# c\nA="x"\nB=\'y\'\nC=\n\nD\nE = "a \\"q\\" b"\nF=""\nG="it\'s"\n')).toEqual({ A: 'x', B: 'y', E: 'a \\"q\\" b', G: "it's" });
  });

  it('cmdline: tabs do not split, # tokens are dropped, values keep their quotes', () => {
    expect(parseKernelCommandLine('a=1\tb=2 #x c="q r" root=/dev/sda1 a=3\n')).toEqual({ a: '3', c: '"q', 'r"': '' });
    expect(parseKernelCommandLine('dyndbg="file x +p" root=UUID=1')).toEqual({ dyndbg: '"file', 'x': '', '+p"': '' });
  });

  it('sysctl: single or mixed lines stay one reading joined by newlines', () => {
    const into: Record<string, string> = {};
    sysctlReadings('/p/a', 'one\n', into);
    sysctlReadings('/p/b', 'x y\nz\n', into);
    sysctlReadings('/p/c', '', into);
    expect(into).toEqual({ '/p/a': 'one', '/p/b': 'x y\nz', '/p/c': '' });
  });

  it('skips oversized, non-UTF-8 and unreadable /proc/sys files one by one', async () => {
    const proc = mkdtempSync(join(tmpdir(), 'aicr-proc-'));
    mkdirSync(join(proc, 'sys', 'kernel'), { recursive: true });
    writeFileSync(join(proc, 'sys', 'kernel', 'ok'), '1\n');
    writeFileSync(join(proc, 'sys', 'kernel', 'huge'), 'x'.repeat(1024 * 1024 + 1));
    writeFileSync(join(proc, 'sys', 'kernel', 'binary'), Buffer.from([0xff, 0xfe, 0x00]));
    writeFileSync(join(proc, 'sys', 'kernel', 'write-only'), '1\n');
    chmodSync(join(proc, 'sys', 'kernel', 'write-only'), 0o200);
    writeFileSync(join(proc, 'cmdline'), 'quiet\n');
    const os = measurement(await run({ procRoot: proc, etcRoot: join(proc, 'etc'), usrLibRoot: join(proc, 'lib') }));
    const sysctl = subtype(os, 'sysctl')!;
    expect(sysctl['/proc/sys/kernel/ok']).toBe('1');
    expect(sysctl['/proc/sys/kernel/huge']).toBeUndefined();
    expect(sysctl['/proc/sys/kernel/binary']).toBeUndefined();
    // root reads 0200 files on a normal filesystem; /proc/sys refuses them (tested on the real /proc below)
    expect(Object.keys(sysctl).every((key) => key.startsWith('/proc/sys/kernel/'))).toBe(true);
    expect(subtype(os, 'grub')).toEqual({ quiet: '' });
  });

  it('caps the number of /proc/sys files read', async () => {
    const proc = mkdtempSync(join(tmpdir(), 'aicr-proc-'));
    mkdirSync(join(proc, 'sys', 'vm'), { recursive: true });
    for (let i = 0; i < 10; i++) writeFileSync(join(proc, 'sys', 'vm', `k${i}`), `${i}\n`);
    const warnings: string[] = [];
    const result = await osCollector({ procRoot: proc, etcRoot: proc, usrLibRoot: proc, maxSysctlFiles: 4 })
      .collect({ logger: { ...silentLogger, warning: (m) => warnings.push(m) }, signal: new AbortController().signal, env: {} });
    expect(Object.keys(subtype(measurement(result), 'sysctl')!)).toHaveLength(4);
    expect(warnings).toEqual(['OS: /proc/sys has more than 4 files; the rest were not read']);
  });
});

describe('OS collector on this machine\'s real /proc', () => {
  it('reads the real kernel command line, /proc/sys and (where the kernel has it) /proc/modules, read-only', async () => {
    const os = measurement(await run({}));
    const grub = subtype(os, 'grub');
    expect(grub).toEqual(parseKernelCommandLine(readFileSync('/proc/cmdline', 'utf8')));
    const sysctl = subtype(os, 'sysctl')!;
    expect(sysctl['/proc/sys/kernel/osrelease']).toBe(release());
    expect(Object.keys(sysctl).some((key) => key.startsWith('/proc/sys/net'))).toBe(false);
    expect(sysctl['/proc/sys/kernel/random/uuid']).toBeUndefined();
    // write-only entries such as vm/drop_caches are never read back
    if (existsSync('/proc/sys/vm/drop_caches')) expect(sysctl['/proc/sys/vm/drop_caches']).toBeUndefined();
    if (existsSync('/proc/modules')) {
      expect(Object.keys(subtype(os, 'kmod')!).length).toBeGreaterThan(0);
    } else {
      expect(os.unavailable?.subtypes?.kmod).toBe('/proc/modules does not exist');
    }
    const osRelease = subtype(os, 'release')!;
    expect(osRelease.ID).toBe(parseOsRelease(readFileSync(existsSync('/etc/os-release') ? '/etc/os-release' : '/usr/lib/os-release', 'utf8')).ID);
  });
});
