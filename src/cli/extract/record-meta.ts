/**
 * What a record (or a folder's manifest) says of its document besides the text: title,
 * outlet and url, carried into the graph's `meta` (and title and outlet into the pipeline's
 * options, so the article node has them too).
 */
export interface DocMeta {
  readonly title?: string;
  readonly outlet?: string;
  readonly url?: string;
}

/** Which record fields hold them (--title-field, --outlet-field, --url-field). */
export interface MetaFields {
  readonly titleField: string;
  readonly outletField: string;
  readonly urlField: string;
}

/** The longest value taken for a field (a title, an outlet, a url): longer is no metadata. */
export const MAX_META_CHARS = 2_000;

/**
 * The title, outlet and url of a record, from the configured fields. A field that is absent
 * or null is no value; one that is not a non-empty string (or is longer than MAX_META_CHARS)
 * is ignored with a finding that says so.
 */
export function recordMeta(r: Readonly<Record<string, unknown>>, fields: MetaFields): { meta: DocMeta; problems: string[] } {
  const meta: { title?: string; outlet?: string; url?: string } = {};
  const problems: string[] = [];
  for (const [key, field] of [['title', fields.titleField], ['outlet', fields.outletField], ['url', fields.urlField]] as const) {
    const v = r[field];
    if (v === undefined || v === null) continue;
    const s = typeof v === 'string' ? v.trim() : '';
    if (s.length === 0 || s.length > MAX_META_CHARS) {
      problems.push(`field "${field}" (${JSON.stringify(v).slice(0, 60)}) is not ${s.length > MAX_META_CHARS ? `a ${key} of at most ${MAX_META_CHARS} characters` : `${key === 'outlet' ? 'an' : 'a'} ${key} (a non-empty string)`}; ignored`);
      continue;
    }
    meta[key] = s;
  }
  return { meta, problems };
}

/** Whether a document has any of these. */
export const hasMeta = (m: DocMeta | undefined): m is DocMeta => m !== undefined && (m.title !== undefined || m.outlet !== undefined || m.url !== undefined);
