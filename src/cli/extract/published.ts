/** A publication date as the ISO 8601 that `extract()` takes, or undefined. */
export function publicationDate(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) {
    // Unix seconds or milliseconds.
    const d = new Date(v < 1e11 ? v * 1000 : v);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
  }
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return Number.isNaN(Date.parse(`${s}T00:00:00Z`)) ? undefined : s;
  if (/^\d{4}-\d{2}-\d{2}[T ]\d/.test(s) && !Number.isNaN(Date.parse(s.replace(' ', 'T')))) return s.replace(' ', 'T');
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
