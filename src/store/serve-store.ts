import type { IndexDb } from './db.js';
import { documentDetail, type ApiDocument } from './document-api.js';
import { facets, type Facets } from './facets.js';
import type { QuoteFilter } from './quote-filter.js';
import { quotePage, type QuotePage, type QuotePageOptions } from './quote-page.js';
import { speakerDetail, speakerPage, type ApiSpeaker, type ApiSpeakerDetail, type SpeakerPageOptions } from './speakers-api.js';

/**
 * The reads `quotegraph serve` makes of an index: the SQLite index (`sqliteServeStore`) and the
 * shared PostgreSQL index (`pgServeStore`, src/store/pg/serve.ts) each answer them, with the same
 * checks and the same coded errors; the server (src/server/app.ts) only shapes requests and
 * answers around them.
 */
export interface ServeStore {
  quotePage(options: QuotePageOptions): Promise<QuotePage>;
  facets(filter: QuoteFilter): Promise<Facets>;
  speakerPage(options: SpeakerPageOptions): Promise<{ total: number; speakers: ApiSpeaker[] }>;
  speakerDetail(id: number): Promise<ApiSpeakerDetail | undefined>;
  documentDetail(id: string): Promise<ApiDocument | undefined>;
}

/** The SQLite index's answers (synchronous underneath). */
export function sqliteServeStore(db: IndexDb): ServeStore {
  return {
    quotePage: async (o) => quotePage(db, o),
    facets: async (f) => facets(db, f),
    speakerPage: async (o) => speakerPage(db, o),
    speakerDetail: async (id) => speakerDetail(db, id),
    documentDetail: async (id) => documentDetail(db, id),
  };
}
