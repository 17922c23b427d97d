import type { AddressInfo } from 'node:net';
import { QuotegraphIndexError } from '../../store/errors.js';
import { isPostgresUrl, redactUrl } from '../../store/pg/url.js';
import { sqliteServeStore, type ServeStore } from '../../store/serve-store.js';
import { openIndexForCli } from '../open-index.js';
import { escapeInline } from '../terminal.js';
import { UsageError, parseArgs } from '../usage.js';

export const SERVE_HELP = `quotegraph serve --db FILE|postgres://… [--host 127.0.0.1] [--port 8080]

Serves an index (a SQLite file, or the shared PostgreSQL index), read-only, as a JSON API: GET /api/quotes?q=&speaker=&from=&to=&outlet=&form=&limit=&offset=,
/api/speakers?q=&limit=&offset=, /api/speakers/ID, /api/documents/ID.
The first line printed is "listening on http://HOST:PORT". Ctrl-C stops it.
  --host H   the address to listen on (default 127.0.0.1, this machine only; anything
             else lets every machine that reaches it read the index)
  --port N   the port (default 8080; 0 takes a free one)`;

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/;

/** The store serve reads: the SQLite file, or the shared index once its schema is checked. */
async function openServeStore(db: string): Promise<{ store: ServeStore; close: () => Promise<void> }> {
  if (!isPostgresUrl(db)) {
    const index = openIndexForCli(db, { readonly: true });
    return { store: sqliteServeStore(index), close: async () => {
      index.close();
    } };
  }
  const [{ connectPg }, { checkPgSchema }, { pgServeStore }] = await Promise.all([import('../../store/pg/connect.js'), import('../../store/pg/schema.js'), import('../../store/pg/serve.js')]);
  const pool = connectPg(db);
  try {
    await checkPgSchema(pool, redactUrl(db));
  } catch (err) {
    await pool.end();
    // not migrated, or newer than this quotegraph: a usage error saying what to run
    throw err instanceof QuotegraphIndexError ? new UsageError(escapeInline(err.message)) : err;
  }
  return { store: pgServeStore(pool), close: () => pool.end() };
}

/** `quotegraph serve`: the index over HTTP until stopped. */
export async function runServe(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, { values: ['db', 'host', 'port'], booleans: ['help'] });
  if (options.help === true) {
    process.stdout.write(`${SERVE_HELP}\n`);
    return 0;
  }
  if (typeof options.db !== 'string') throw new UsageError('serve needs --db FILE (an index built by quotegraph index) or --db postgres://… (the shared index)');
  if (positionals.length > 0) throw new UsageError(`serve takes no inputs, only --db FILE (not ${escapeInline(JSON.stringify(positionals[0]))})`);
  const host = typeof options.host === 'string' ? options.host : '127.0.0.1';
  if (host.length === 0 || /[^\w.:-]/.test(host)) throw new UsageError(`--host takes an address such as 127.0.0.1 or ::1, not ${escapeInline(JSON.stringify(host))}`);
  const port = options.port === undefined ? 8080 : Number(options.port);
  if (typeof options.port === 'string' && !/^\d{1,5}$/.test(options.port)) throw new UsageError(`--port takes a port number from 0 to 65535, not ${escapeInline(JSON.stringify(options.port))}`);
  if (!(port >= 0 && port <= 65535)) throw new UsageError(`--port takes a port number from 0 to 65535, not ${port}`);
  const { store, close } = await openServeStore(options.db);
  // Loaded here, so that the other commands never load the HTTP stack.
  const [{ serve }, { createApp }] = await Promise.all([import('@hono/node-server'), import('../../server/app.js')]);
  const app = createApp(store, (line) => process.stderr.write(`${escapeInline(line)}\n`));
  return new Promise<number>((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: host, port });
    server.once('error', (err: NodeJS.ErrnoException) => {
      void close();
      process.stderr.write(`quotegraph: cannot listen on ${escapeInline(host)} port ${port}: ${err.code === 'EADDRINUSE' ? 'the port is in use (give another with --port, or 0 for a free one)' : err.message}\n`);
      resolve(1);
    });
    server.once('listening', () => {
      const address = server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      process.stdout.write(`listening on http://${shown}:${address.port}\n`);
      if (!LOOPBACK.test(host)) process.stderr.write(`quotegraph: ${escapeInline(host)} is not a loopback address: every machine that reaches it can read the index\n`);
    });
    const stop = (): void => {
      server.close(() => {
        void close().then(() => resolve(0));
      });
      // connections kept alive would hold close() open
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
