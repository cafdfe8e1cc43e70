import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { anyCriteria, applyCriteria, checkAllowlists, parseAllowlists } from '../../../src/core/recipe/index.js';
import { exitCodeFor, formatError } from '../../../src/core/errors.js';
import { CONFORMANCE_CASES } from '../../helpers/paths.js';
import { runCli } from '../../helpers/cli.js';

const cases = parse(readFileSync(CONFORMANCE_CASES, 'utf8')).errorCases;
const criteriaFromQuery = (query: string) => applyCriteria(anyCriteria(), Object.fromEntries(new URLSearchParams(query)), (f) => f);

describe('allowlists', () => {
  it('e-allowlist: a value outside the list is refused, naming what was requested and allowed', () => {
    const testCase = cases.find((c: { id: string }) => c.id === 'e-allowlist');
    const lists = parseAllowlists(testCase.input.env);
    const error = (() => {
      try {
        checkAllowlists(criteriaFromQuery(testCase.input.http.split('?')[1]), lists);
      } catch (e) {
        return e;
      }
    })();
    expect(formatError(error)).toContain(testCase.expect.message);
    expect((error as { details: unknown }).details).toEqual(testCase.expect.details);
    expect(exitCodeFor(error)).toBe(2);
  });

  it('ok-allowlist-any-always-allowed: an unspecified field is never restricted', () => {
    const testCase = cases.find((c: { id: string }) => c.id === 'ok-allowlist-any-always-allowed');
    expect(() => checkAllowlists(criteriaFromQuery(testCase.input.http.split('?')[1]), parseAllowlists(testCase.input.env))).not.toThrow();
  });

  it('accepts aliases, drops any, checks in the order accelerator, service, intent, OS, and rejects bad elements', () => {
    const lists = parseAllowlists({ AICR_ALLOWED_OS: ' al2023 , any,ubuntu', AICR_ALLOWED_SERVICES: 'eks', AICR_ALLOWED_ACCELERATORS: 'h100' });
    expect(lists).toEqual({ accelerator: ['h100'], service: ['eks'], os: ['amazonlinux', 'ubuntu'] });
    expect(() => checkAllowlists({ ...anyCriteria(), service: 'gke', accelerator: 'gb200' }, lists)).toThrow('accelerator type not allowed: gb200');
    expect(() => parseAllowlists({ AICR_ALLOWED_INTENTS: 'training,serving' })).toThrow('invalid AICR_ALLOWED_INTENTS: invalid intent type: serving');
  });

  it('applies to aicr recipe when the variables are set', async () => {
    const env = { PATH: process.env.PATH, AICR_ALLOWED_SERVICES: 'eks,aks' };
    const refused = await runCli(['recipe', '--service', 'gke', '--os', 'cos'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('service type not allowed: gke');
    expect(refused.stderr).toContain('$AICR_ALLOWED_SERVICES allows only: eks, aks');
    expect((await runCli(['recipe', '--service', 'aks'], { env })).code).toBe(0);
  });
});
