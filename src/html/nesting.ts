/**
 * A linear pass over a page's HTML before it is parsed, for what costs linkedom and
 * Readability more than linear time: comments (they carry no text, and thousands of them
 * under one element make every `childNodes` read long) are dropped, and elements nested
 * deeper than a bound lose their tags (their text stays, in the element at the bound):
 * linkedom's parse grows faster than the page from a few thousand levels, and
 * Readability's recursion overflows the stack from about 8,000.
 *
 * The pass reads tags as a tokenizer does (quoted attribute values, raw-text elements
 * such as `<script>`, comments, `<!doctype>`), keeps a stack of open elements, and counts
 * neither void elements (`<br>`, `<img>`) nor those whose end tag a parser implies
 * (`<p>`, `<li>`, `<td>` …) as nesting, so a real page never comes near the bound.
 */

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'command', 'basefont', 'bgsound', 'frame']);
/** Elements a parser closes when a sibling of their kind opens: never counted as nesting. */
const IMPLIED_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rb', 'rt', 'rtc', 'rp']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);
/** How far below the top of the stack an end tag is looked for (a stray end tag is left to the parser). */
const END_SEARCH = 16;

export interface Bounded {
  /** The HTML without comments, with tags below the bound taken out. */
  readonly html: string;
  /** How many start tags were taken out for lying deeper than the bound. */
  readonly cut: number;
  /** How many comments were dropped. */
  readonly comments: number;
}

const NAME = /[A-Za-z][A-Za-z0-9:-]*/y;
const RAW_END = new Map<string, RegExp>();
/** The search for a raw-text element's end tag, any case. */
function rawEnd(name: string): RegExp {
  let re = RAW_END.get(name);
  if (re === undefined) {
    re = new RegExp(`</${name}`, 'gi');
    RAW_END.set(name, re);
  }
  return re;
}

/** The end of the tag opened at `lt` (the index after its `>`), quoted values skipped; -1 when it never closes. */
function tagEnd(html: string, from: number): number {
  let quote = '';
  for (let i = from; i < html.length; i++) {
    const c = html[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return -1;
}

/** The page's HTML with comments dropped and nesting bounded to `limit` levels. */
export function boundNesting(html: string, limit: number): Bounded {
  const out: string[] = [];
  let copied = 0;
  let cut = 0;
  let comments = 0;
  /** Open elements: their name, and whether their tags were taken out. */
  const stack: Array<{ name: string; dropped: boolean }> = [];
  let kept = 0;
  const skip = (from: number, to: number): void => {
    if (from > copied) out.push(html.slice(copied, from));
    copied = to;
  };
  let i = html.indexOf('<');
  while (i >= 0 && i < html.length) {
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      const end = close < 0 ? html.length : close + 3;
      skip(i, end);
      comments++;
      i = html.indexOf('<', end);
      continue;
    }
    const c = html[i + 1];
    if (c === '!' || c === '?') {
      const end = html.indexOf('>', i + 2);
      if (end < 0) break;
      i = html.indexOf('<', end + 1);
      continue;
    }
    const closing = c === '/';
    NAME.lastIndex = i + (closing ? 2 : 1);
    const m = NAME.exec(html);
    if (!m) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    const end = tagEnd(html, NAME.lastIndex);
    if (end < 0) break;
    const name = m[0].toLowerCase();
    if (closing) {
      let at = -1;
      for (let k = stack.length - 1; k >= Math.max(0, stack.length - END_SEARCH); k--) {
        if (stack[k]!.name === name) {
          at = k;
          break;
        }
      }
      if (at >= 0) {
        const top = stack[stack.length - 1]!;
        const dropped = stack[at]!.dropped;
        while (stack.length > at) if (!stack.pop()!.dropped) kept--;
        if (dropped && top.name === name) skip(i, end);
      }
      i = html.indexOf('<', end);
      continue;
    }
    const selfClosing = html[end - 2] === '/';
    if (RAW_TEXT.has(name) && !selfClosing) {
      // its text is no markup: go past its end tag
      const re = rawEnd(name);
      re.lastIndex = end;
      const close = re.exec(html);
      i = close === null ? -1 : html.indexOf('<', close.index + 2);
      continue;
    }
    if (!VOID.has(name) && !IMPLIED_END.has(name) && !selfClosing) {
      const dropped = kept >= limit;
      stack.push({ name, dropped });
      if (dropped) {
        cut++;
        skip(i, end);
      } else kept++;
    }
    i = html.indexOf('<', end);
  }
  if (copied === 0) return { html, cut, comments };
  out.push(html.slice(copied));
  return { html: out.join(''), cut, comments };
}
