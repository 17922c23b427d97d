import { Hono, type Context } from 'hono';
import { QuotegraphError } from '../errors.js';
import type { IndexDb } from '../store/db.js';
import type { QuoteFilter } from '../store/quote-filter.js';
import type { QuotePageOptions } from '../store/quote-page.js';
import { sqliteServeStore, type ServeStore } from '../store/serve-store.js';
import { queryOptions } from './params.js';
import { APP_JS } from './web/app-script.js';
import { PAGE_CSS, PAGE_HTML } from './web/page.js';

/** The web app's policy: its own script, style and API only; nothing inline, nothing from elsewhere. */
const PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The headers of every answer: nothing to load from elsewhere, nothing to sniff, no framing. */
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/** The filters /api/quotes and /api/facets take as strings (q is the words). */
const FILTER_STRINGS = ['q', 'speaker', 'from', 'to', 'outlet', 'form'];

/** Query parameters as a quote filter: `q` becomes the words (none: every quote). */
function filterOf(o: Record<string, string | number>): QuoteFilter {
  const { q, ...rest } = o;
  return { ...rest, query: typeof q === 'string' ? q : '' } as QuoteFilter;
}

/** An error as the API answers it: `{ error: { code, message } }`, the message without its code. */
const errorBody = (code: string, message: string): { error: { code: string; message: string } } => ({ error: { code, message: message.replace(/^E_[A-Z_]+: /, '') } });

/**
 * The read-only HTTP app over an open index (a SQLite index, or any store of `ServeStore`: the
 * shared PostgreSQL index): the JSON API under /api. A bad request is a 400
 * with a coded error, an unknown address a 404, any other method than GET or HEAD a 405,
 * and a failure of the server itself a 500 that says nothing of its insides.
 */
export function createApp(index: IndexDb | ServeStore, log: (line: string) => void = () => {}): Hono {
  const store = 'prepare' in index ? sqliteServeStore(index) : index;
  const app = new Hono();
  app.use('*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      c.header('Allow', 'GET, HEAD');
      return c.json(errorBody('E_METHOD', `${c.req.method} is not served: the index is read-only (GET and HEAD only)`), 405);
    }
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!c.res.headers.has(k)) c.header(k, v);
  });

  // The web app: one page and its script and style, over the API below.
  const asset = (body: string, type: string) => (c: Context) => {
    c.header('Content-Security-Policy', PAGE_CSP);
    c.header('Content-Type', type);
    return c.body(body);
  };
  app.get('/', asset(PAGE_HTML, 'text/html; charset=utf-8'));
  app.get('/app.js', asset(APP_JS, 'text/javascript; charset=utf-8'));
  app.get('/app.css', asset(PAGE_CSS, 'text/css; charset=utf-8'));

  app.get('/api/quotes', async (c) => {
    const o = queryOptions(new URL(c.req.url), { strings: FILTER_STRINGS, numbers: ['speakerId', 'limit', 'offset'] });
    return c.json(await store.quotePage(filterOf(o) as QuotePageOptions));
  });

  app.get('/api/facets', async (c) => {
    const o = queryOptions(new URL(c.req.url), { strings: FILTER_STRINGS, numbers: ['speakerId'] });
    return c.json(await store.facets(filterOf(o)));
  });

  app.get('/api/speakers', async (c) => c.json(await store.speakerPage(queryOptions(new URL(c.req.url), { strings: ['q'], numbers: ['limit', 'offset'] }))));

  app.get('/api/speakers/:id', async (c) => {
    queryOptions(new URL(c.req.url), { strings: [], numbers: [] });
    const id = c.req.param('id');
    const speaker = /^\d{1,15}$/.test(id) ? await store.speakerDetail(Number(id)) : undefined;
    return speaker ? c.json(speaker) : c.json(errorBody('E_NOT_FOUND', `no speaker ${JSON.stringify(id.slice(0, 100))} in the index; /api/speakers lists them`), 404);
  });

  // a document's id may hold slashes ("2016/a.txt"): the rest of the path, percent-decoded
  app.get('/api/documents/:id{.+}', async (c) => {
    queryOptions(new URL(c.req.url), { strings: [], numbers: [] });
    const id = c.req.param('id');
    const doc = await store.documentDetail(id);
    return doc ? c.json(doc) : c.json(errorBody('E_NOT_FOUND', `no document ${JSON.stringify(id.slice(0, 200))} in the index`), 404);
  });

  app.notFound((c) => c.json(errorBody('E_NOT_FOUND', `nothing at ${new URL(c.req.url).pathname}; the API is under /api (/api/quotes, /api/facets, /api/speakers, /api/documents/ID)`), 404));
  app.onError((err, c) => {
    if (err instanceof QuotegraphError && err.code.startsWith('E_')) {
      const status = err.code.startsWith('E_DB_') ? 500 : 400;
      if (status === 400) return c.json(errorBody(err.code, err.message), 400);
    }
    log(`quotegraph serve: ${c.req.method} ${new URL(c.req.url).pathname} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return c.json(errorBody('E_INTERNAL', 'the server failed on this request; its log says why'), 500);
  });
  return app;
}
