import { main } from './src/cli/main.js';
const out: string[] = [];
const io = { stdout: { write: (s: string) => { out.push(s); return true; } } as any, stderr: { write: (s: string) => { process.stderr.write(s); return true; } } as any, stdin: process.stdin, env: { PATH: process.env.PATH, HOME: '/nonexistent', ...JSON.parse(process.env.XENV ?? '{}') } };
const code = await main(process.argv.slice(2), io);
process.stdout.write(out.join('').slice(0, 3000));
console.error('exit', code);
