import pg from 'pg';

/** A pool of connections to the shared PostgreSQL index. */
export type PgDb = pg.Pool;


/** Opens a pool on a `postgres://` URL; errors of idle connections are the caller's to see, never a crash. */
export function connectPg(url: string, options: { readonly max?: number; readonly onError?: (err: Error) => void } = {}): PgDb {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 4, connectionTimeoutMillis: 10_000 });
  pool.on('error', options.onError ?? (() => {}));
  return pool;
}

export { isPostgresUrl, redactUrl } from './url.js';

/** Errors of the connection itself (refused, reset, timed out, the server going down), as opposed to one statement's. */
export function isConnectionError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | undefined;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN'].includes(code)) return true;
  // SQLSTATE class 08 (connection exception), 57P01-57P03 (the server shutting down or starting)
  if (/^08|^57P0[123]$/.test(code)) return true;
  return typeof e?.message === 'string' && /Connection terminated|connection timeout|timeout exceeded when trying to connect/i.test(e.message);
}
