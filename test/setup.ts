// Every test starts from the same environment: no GitHub runner variables leak in from the
// machine running the suite, and each test may change process.env freely.
import { afterEach, beforeEach } from 'vitest';

const saved = { ...process.env };

beforeEach(() => {
  for (const key of Object.keys(process.env)) {
    if (key.startsWith('INPUT_') || key.startsWith('GITHUB_') || key.startsWith('RUNNER_') || key.startsWith('AICR_') && key !== 'AICR_REQUIRE_TOOLS') {
      delete process.env[key];
    }
  }
});

afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
});
