import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = join(import.meta.dirname, '..');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');

/** Why the queue tests cannot run here (no redis-server or PostgreSQL binaries), or undefined. */
export function missingServices(): string | undefined {
  const redis = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).status === 0 || existsSync('/usr/bin/redis-server');
  const pgDirs = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').filter((v) => existsSync(join('/usr/lib/postgresql', v, 'bin', 'pg_ctl'))) : [];
  const pg = pgDirs.length > 0 || spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).status === 0 || (process.env.PG_BIN !== undefined && existsSync(join(process.env.PG_BIN, 'pg_ctl')));
  if (!redis && !pg) return 'no redis-server and no PostgreSQL binaries (apt-get install redis-server postgresql)';
  if (!redis) return 'no redis-server (apt-get install redis-server)';
  if (!pg) return 'no PostgreSQL binaries (apt-get install postgresql)';
  return undefined;
}

/** Starts the throwaway services in `dir` (scripts/services.sh); their URLs. */
export function startServices(dir: string): { redis: string; db: string } {
  const r = spawnSync(join(ROOT, 'scripts', 'services.sh'), ['start'], { encoding: 'utf8', env: { ...process.env, QUOTEGRAPH_SERVICES: dir } });
  if (r.status !== 0) throw new Error(`services.sh start failed: ${r.stderr}`);
  const redis = /^REDIS_URL=(.*)$/m.exec(r.stdout)?.[1];
  const db = /^DATABASE_URL=(.*)$/m.exec(r.stdout)?.[1];
  if (redis === undefined || db === undefined) throw new Error(`services.sh printed no URLs: ${r.stdout}`);
  return { redis, db };
}

export function stopServices(dir: string): void {
  spawnSync(join(ROOT, 'scripts', 'services.sh'), ['stop'], { encoding: 'utf8', env: { ...process.env, QUOTEGRAPH_SERVICES: dir } });
}

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI from source to its end. */
export function cli(args: readonly string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', ...env }, timeout: 600_000, maxBuffer: 512 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A CLI process in the background, its standard error gathered, with a promise of its exit. */
export interface Background {
  readonly child: ChildProcess;
  stderr: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when standard error has a line matching `re` (at least `times` of them). */
  waitFor(re: RegExp, times?: number, timeoutMs?: number): Promise<void>;
}

export function background(args: readonly string[], env: Record<string, string> = {}): Background {
  const child = spawn(process.execPath, ['--import', TSX, MAIN, ...args], { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const waiters: Array<() => void> = [];
  const bg: Background = {
    child,
    stderr: '',
    exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal }))),
    waitFor(re, times = 1, timeoutMs = 300_000) {
      const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${re} in:\n${bg.stderr}`)), timeoutMs);
        const check = (): void => {
          if ((bg.stderr.match(global) ?? []).length >= times) {
            clearTimeout(timer);
            resolve();
          } else waiters.push(check);
        };
        check();
        void bg.exited.then(() => {
          if ((bg.stderr.match(global) ?? []).length < times) {
            clearTimeout(timer);
            reject(new Error(`exited before ${re}:\n${bg.stderr}`));
          }
        });
      });
    },
  };
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    bg.stderr += chunk;
    for (const w of waiters.splice(0)) w();
  });
  return bg;
}
