import { QuotegraphOptionsError } from '../errors.js';

/**
 * A request's query string as options: only the names a route takes (one value each), whole
 * numbers where it says so. Anything else is a coded error the server answers with 400.
 */
export function queryOptions(url: URL, names: { readonly strings: readonly string[]; readonly numbers: readonly string[] }): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name);
    if (!names.strings.includes(name) && !names.numbers.includes(name)) {
      throw new QuotegraphOptionsError('E_UNKNOWN_OPTION', `unknown parameter ${JSON.stringify(name)}; this address takes ${[...names.strings, ...names.numbers].join(', ')}`);
    }
    if (values.length > 1) throw new QuotegraphOptionsError('E_OPTION_VALUE', `${name} is given ${values.length} times; give it once`);
    const v = values[0]!;
    if (names.numbers.includes(name)) {
      if (!/^\d{1,9}$/.test(v)) throw new QuotegraphOptionsError('E_OPTION_VALUE', `${name} takes a whole number, not ${JSON.stringify(v.slice(0, 40))}`);
      out[name] = Number(v);
    } else if (v.length > 0 || name === 'q') {
      // an empty filter (speaker=) is no filter, as a form left blank sends it
      out[name] = v;
    }
  }
  return out;
}
