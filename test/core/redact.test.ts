/** The one redaction module: secret-shaped names, text, cluster objects, readings, remembered credentials. */
import { afterEach, describe, expect, it } from 'vitest';
import { forgetSecrets, isSecretName, redactObject, redactReading, redactText, redactUrlCredentials, rememberSecret } from '../../src/core/redact.js';

afterEach(() => forgetSecrets());

describe('isSecretName', () => {
  it('knows secret-shaped names in every case style', () => {
    const secret = ['password', 'Password', 'PASSWORD', 'passwd', 'db_pass', 'secret', 'clientSecret', 'client_secret', 'client-secret', 'CLIENT_SECRET', 'token', 'authToken', 'AUTH_TOKEN', 'bearer-token', 'key_data', 'apiKey', 'api_key', 'api-key', 'API_KEY', 'x-api-key', 'credential', 'credentials', 'auth', 'basicAuth', 'private', 'privateKey', 'private_key', 'tls.key', 'sshKeys', 'accessKeyId', 'authorization', 'passphrase', 'pwd'];
    for (const name of secret) expect(isSecretName(name), name).toBe(true);
  });

  it('leaves names that only refer to a secret, and bare "key", alone', () => {
    const plain = ['key', 'name', 'secretName', 'imagePullSecrets', 'tokenFile', 'passThrough', 'monkey', 'keyName', 'authority', 'certificate-authority-data', 'version', 'enabled', 'configMapName', 'secretKeyRef'];
    for (const name of plain) expect(isSecretName(name), name).toBe(false);
  });
});

describe('redactText', () => {
  it('removes URL userinfo, Authorization headers and bearer tokens', () => {
    expect(redactUrlCredentials('at https://user:pass@127.0.0.1:6443/api and git+ssh://tok@host/x')).toBe('at https://<redacted>@127.0.0.1:6443/api and git+ssh://<redacted>@host/x');
    expect(redactUrlCredentials('https://u:p@ss@host/x')).toBe('https://<redacted>@host/x');
    expect(redactText('request headers: {"Authorization": "Bearer eyJhbGciOi.abc.def"}')).not.toContain('eyJ');
    expect(redactText('authorization: Basic dXNlcjpwYXNz')).toBe('authorization: <redacted>');
    expect(redactText('sent bearer abcdefghijklmnop to the server')).toBe('sent bearer <redacted> to the server');
  });

  it('removes the values of secret flags, assignments and key: value lines', () => {
    const text = redactText('run --token=T1 --password P2 --api-key "P3" --verbose --image-pull-secret <secret>\nenv PASSWORD=P4 MODE=fast path.to.key=value\n    token: P5\n 10 |     client_secret: P6\n- apiKey: P7\nname: visible');
    for (const secret of ['T1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7']) expect(text).not.toContain(secret);
    for (const kept of ['--verbose', '<secret>', 'MODE=fast', 'path.to.key=value', 'name: visible']) expect(text).toContain(kept);
  });

  it('replaces remembered credentials wherever they appear', () => {
    rememberSecret('SUPERSECRETTOKEN123');
    rememberSecret('abc'); // too short to replace safely: left to the patterns
    expect(redactText('the server said: invalid token SUPERSECRETTOKEN123 (abc)')).toBe('the server said: invalid token <redacted> (abc)');
  });
});

describe('redactObject (cluster objects)', () => {
  it('redacts secret fields in any case style, env entries, args and URLs, and keeps the rest', () => {
    const spec = {
      driver: { licensingConfig: { configMapName: 'lic', nlsToken: 'N1' }, repoConfig: { 'PASSWORD': 'N2' }, env: [{ name: 'NGC_API_KEY', value: 'N3' }, { name: 'http-proxy', value: 'http://u:N4@proxy:3128' }, { name: 'DEBUG', value: '1' }] },
      toolkit: { args: ['--token', 'N5', '--log-level', 'info', '--client-secret=N6'], command: 'start --password N7 --fast' },
      validator: { plugin: { env: [{ name: 'WITH_WORKLOAD', value: 'false' }] } },
      auth: { enabled: true, username: 'N8' },
      tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists' }],
      imagePullSecrets: ['ngc-secret'],
      registry: { 'api_key': 12345, 'private-key': 'N9', kebabToken: { 'x-auth-token': 'N10' } },
    };
    const text = JSON.stringify(redactObject(spec));
    for (let i = 1; i <= 10; i++) expect(text, `N${i}`).not.toMatch(new RegExp(`N${i}\\b`));
    expect(text).not.toContain('12345');
    for (const kept of ['"configMapName":"lic"', '"DEBUG","value":"1"', '"--log-level","info"', '"enabled":true', '"key":"nvidia.com/gpu"', '["ngc-secret"]', '"WITH_WORKLOAD","value":"false"', 'proxy:3128']) expect(text).toContain(kept);
  });

  it('redactReading: by the last segment of the key and by the text', () => {
    expect(redactReading('net.ipv4.tcp_fastopen_key', '00000000-00000000')).toBe('<redacted>');
    expect(redactReading('kernel.keys.maxkeys', '200')).toBe('200');
    expect(redactReading('password', 'x')).toBe('<redacted>');
    expect(redactReading('Environment', 'HTTPS_PROXY=https://u:p@proxy AWS_SECRET_ACCESS_KEY=abc')).toBe('HTTPS_PROXY=https://<redacted>@proxy AWS_SECRET_ACCESS_KEY=<redacted>');
    expect(redactReading('enabled', true)).toBe(true);
  });
});
