/**
 * What a news page says about itself in its head: Open Graph and article: meta tags,
 * JSON-LD (schema.org NewsArticle and its kin), <time datetime>. Read before
 * Readability runs, since Readability rewrites the document.
 */
import { isoCalendarPrefix } from '../text/calendar.js';
import { writtenDatesFit } from '../text/written-date.js';

/** The page's own facts about its article; every field is optional. */
export interface PageMetadata {
  title?: string;
  byline?: string;
  siteName?: string;
  /** Publication time as the page writes it. */
  published?: string;
  /** Where `published` was found: "article:published_time", "json-ld", "time", … */
  publishedFrom?: string;
  url?: string;
  lang?: string;
}

/** The slice of the DOM this module reads (linkedom's and browsers' documents both have it). */
export interface MetaDocument {
  querySelector(selectors: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(selectors: string): ArrayLike<{ getAttribute(name: string): string | null; textContent: string | null }>;
}

const NEWS_TYPES = new Set(['NewsArticle', 'Article', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'BackgroundNewsArticle', 'OpinionNewsArticle', 'ReviewNewsArticle', 'BlogPosting', 'LiveBlogPosting', 'WebPage']);

/** The content of the page's first `<meta>` of each property, name or itemprop: one walk of the DOM, not one a key. */
function metaIndex(doc: MetaDocument): Map<string, string> {
  const index = new Map<string, string>();
  const metas = doc.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const el = metas[i]!;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr);
      if (key !== null && !index.has(key)) index.set(key, el.getAttribute('content')?.trim() ?? '');
    }
  }
  return index;
}

function meta(index: ReadonlyMap<string, string>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const v = index.get(key);
    if (v) return v;
  }
  return undefined;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Objects of a JSON-LD block, through arrays and `@graph`. */
function* objects(value: Json, depth = 0): Generator<Record<string, Json>> {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) yield* objects(v, depth + 1);
    return;
  }
  yield value;
  const graph = value['@graph'];
  if (graph !== undefined) yield* objects(graph, depth + 1);
}

const str = (v: Json | undefined): string | undefined => (typeof v === 'string' && v.trim().length > 0 ? v.trim() : undefined);

/** A name from a JSON-LD person/organization or a list of them. */
function nameOf(v: Json | undefined): string | undefined {
  if (typeof v === 'string') return str(v);
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((n): n is string => n !== undefined);
    return names.length > 0 ? names.join(' and ') : undefined;
  }
  if (v && typeof v === 'object') return str(v.name);
  return undefined;
}

function typesOf(o: Record<string, Json>): string[] {
  const t = o['@type'];
  return typeof t === 'string' ? [t] : Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

/** The first news-like JSON-LD object of the page. */
function jsonLd(doc: MetaDocument): Record<string, Json> | undefined {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  let fallback: Record<string, Json> | undefined;
  for (let i = 0; i < scripts.length; i++) {
    let parsed: Json;
    try {
      parsed = JSON.parse(scripts[i]!.textContent ?? '') as Json;
    } catch {
      continue;
    }
    for (const o of objects(parsed)) {
      const types = typesOf(o);
      if (types.some((t) => t !== 'WebPage' && NEWS_TYPES.has(t))) return o;
      if (types.includes('WebPage') && fallback === undefined && o.datePublished !== undefined) fallback = o;
    }
  }
  return fallback;
}

export function readMetadata(doc: MetaDocument): PageMetadata {
  const out: PageMetadata = {};
  const metas = metaIndex(doc);
  const ld = jsonLd(doc);
  const title = meta(metas, 'og:title', 'twitter:title') ?? str(ld?.headline) ?? doc.querySelector('title')?.textContent?.trim();
  if (title) out.title = title;
  const byline = meta(metas, 'author', 'article:author', 'byl', 'dc.creator', 'DC.creator') ?? nameOf(ld?.author);
  if (byline && !/^https?:/.test(byline)) out.byline = byline;
  const site = meta(metas, 'og:site_name', 'application-name') ?? nameOf(ld?.publisher);
  if (site) out.siteName = site;
  const candidates: Array<[string, string | undefined]> = [
    ['article:published_time', meta(metas, 'article:published_time', 'og:article:published_time')],
    ['json-ld', str(ld?.datePublished)],
    ['meta', meta(metas, 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'DC.date.issued', 'sailthru.date', 'parsely-pub-date')],
    ['time', doc.querySelector('time[datetime]')?.getAttribute('datetime')?.trim() || undefined],
  ];
  const found = candidates.find(([, v]) => v !== undefined);
  if (found?.[1] !== undefined) {
    out.published = found[1];
    out.publishedFrom = found[0];
  }
  const url = meta(metas, 'og:url') ?? str(ld?.url);
  if (url) out.url = url;
  return out;
}

/**
 * A page's publication time as the ISO 8601 that `extract()` takes: a date alone stays
 * a date; anything `Date` can read becomes a UTC timestamp; undefined for what is not a
 * calendar date as written (`2016-13-45`, `Feb 30, 2016`, which `Date.parse` would roll
 * over to March 1) or falls outside the years quotegraph takes.
 */
export function isoPublished(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (!writtenDatesFit(v)) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const t = Date.parse(v);
  if (Number.isNaN(t)) return undefined;
  const iso = new Date(t).toISOString();
  return isoCalendarPrefix(iso) === undefined ? undefined : iso;
}
