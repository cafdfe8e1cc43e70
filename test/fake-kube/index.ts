/** The fake Kubernetes API server and its helpers (see server.ts for what it implements). */
export * from './server.js';
export * from './simulate.js';
;
