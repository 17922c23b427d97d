/**
 * The web app's script, served as /app.js: hash routes (#/?q=…, #/speaker/ID, #/document/ID?quote=N)
 * over the JSON API. Everything from the index is untrusted: it is written with textContent
 * and text nodes only, never as HTML, and links are built from encoded ids under "#/".
 */
export const APP_JS = String.raw`'use strict';
const main = document.getElementById('main');
const form = document.getElementById('search');
const el = (tag, attrs, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const k of kids) e.append(k instanceof Node ? k : document.createTextNode(String(k)));
  return e;
};
const link = (hash, text) => el('a', { href: '#/' + hash }, text);
const api = async (path) => {
  const res = await fetch('/api/' + path);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ? body.error.message : 'the server answered ' + res.status);
  return body;
};
const show = (...kids) => main.replaceChildren(...kids);
let routes = 0; // a search's facets arrive after its results: shown only if no other search came since
const plural = (n, word) => n.toLocaleString('en-US') + ' ' + word + (n === 1 ? '' : 's');
// Direct quotes are the speaker's words: in quotation marks; indirect and mixed ones are reported speech.
const quoteText = (q) => (q.form === 'direct' ? '\u201c' + q.text + '\u201d' : q.text);
const docHash = (id, quote) => 'document/' + encodeURIComponent(id) + (quote === undefined ? '' : '?quote=' + quote);

function quoteItem(q) {
  const who = q.speaker === null ? 'unknown speaker' : q.speaker.id === null ? q.speaker.name : link('speaker/' + q.speaker.id, q.speaker.name);
  const where = [q.document.title, q.document.outlet, q.document.published].filter((x) => x !== null).join(' \u00b7 ');
  const copies = q.occurrences > 1 ? ' (in ' + q.occurrences + ' documents)' : '';
  return el('li', { class: 'hit' },
    el('span', { class: 'quote ' + q.form }, quoteText(q)),
    el('span', { class: 'who' }, '\u2014 ', who, q.cue === null ? '' : ' (' + q.cue + ', ' + q.form + ')'),
    el('div', { class: 'where' }, link(docHash(q.document.id, q.id), where || q.document.id), copies));
}

// Facets: each value a link to the same search narrowed to it, with its count.
function facetList(filters, spread) {
  const narrowed = (set) => { const n = new URLSearchParams(filters); for (const [k, v] of Object.entries(set)) n.set(k, v); return '?' + n; };
  const group = (title, cls, items) => el('div', { class: 'facet ' + cls }, el('h2', {}, title),
    el('ul', {}, ...items.map(([label, set, n]) => el('li', {}, link(narrowed(set), label), ' ' + n.toLocaleString('en-US')))));
  return el('aside', { class: 'facets' },
    group('Speakers', 'speakers', spread.speakers.map((s) => [s.name, { speakerId: String(s.id) }, s.quotes])),
    group('Outlets', 'outlets', spread.outlets.map((o) => [o.outlet, { outlet: o.outlet }, o.quotes])),
    group('Months', 'months', spread.months.map((m) => [m.month, { from: m.month, to: m.month }, m.quotes])),
    group('Forms', 'forms', spread.forms.map((f) => [f.form, { form: f.form }, f.quotes])));
}

async function search(params) {
  const p = new URLSearchParams(params);
  for (const [k, v] of [...p]) if (v === '') p.delete(k);
  for (const input of form.elements) if (input.name) input.value = p.get(input.name) || '';
  const filters = new URLSearchParams(p);
  filters.delete('limit');
  filters.delete('offset');
  // facets count every match, which takes longer on a broad search: the results are shown first
  const spreading = api('facets?' + filters);
  const turn = ++routes;
  const page = await api('quotes?' + p);
  const offset = Number(p.get('offset') || 0);
  const limit = Number(p.get('limit') || 20);
  const pager = el('nav', { class: 'pager' });
  const at = (o) => { const n = new URLSearchParams(p); n.set('offset', String(o)); return '?' + n; };
  if (offset > 0) pager.append(link(at(Math.max(0, offset - limit)), 'previous page'));
  if (offset + limit < page.total) pager.append(link(at(offset + limit), 'next page'));
  const shown = page.total === 0 ? 'no quotes match' : plural(page.total, 'quote') + ', ' + (offset + 1) + '\u2013' + (offset + page.quotes.length) + ' shown';
  const aside = el('aside', { class: 'facets' });
  show(aside, el('p', { class: 'total' }, shown), el('ol', { class: 'quotes', start: String(offset + 1) }, ...page.quotes.map(quoteItem)), pager);
  const spread = await spreading;
  if (turn === routes) aside.replaceWith(facetList(filters, spread));
}

async function speaker(id) {
  const s = await api('speakers/' + encodeURIComponent(id));
  const top = Math.max(1, ...s.timeline.map((t) => t.quotes));
  const bars = el('div', { class: 'timeline', role: 'img', 'aria-label': 'quotes by month' }, ...s.timeline.map((t) => {
    const bar = el('span', { title: t.month + ': ' + plural(t.quotes, 'quote') });
    bar.style.height = Math.round((100 * t.quotes) / top) + '%';
    return bar;
  }));
  const quotes = await api('quotes?speakerId=' + s.id + '&limit=50');
  show(el('h1', {}, s.name), el('p', { class: 'roles' }, s.roles.join(', ')),
    el('p', {}, plural(s.quotes, 'quote') + (s.aliases.length > 0 ? '; also named ' + s.aliases.join(', ') : '')),
    bars, el('ol', { class: 'quotes' }, ...quotes.quotes.map(quoteItem)));
}

async function documentPage(id, current) {
  const d = await api('documents/' + encodeURIComponent(id));
  const text = el('div', { class: 'doc-text' });
  if (d.text === null) text.append('the index holds no text for this document (index it again)');
  else {
    let at = 0;
    for (const q of d.quotes) {
      if (q.start < at) continue; // a quote inside one already marked
      text.append(d.text.slice(at, q.start));
      const who = q.speaker === null ? 'unknown speaker' : q.speaker.name;
      text.append(el('mark', { id: 'q' + q.id, class: q.id === current ? 'current' : '', title: who + ' (' + q.form + ')' }, d.text.slice(q.start, q.end)));
      at = q.end;
    }
    text.append(d.text.slice(at));
  }
  const where = el('p', { class: 'where' }, [d.outlet, d.published, d.id].filter((x) => x !== null).join(' \u00b7 '));
  // the source's address, as a link only when it is a web address (never javascript: or data:)
  if (d.url !== null) where.append(' \u00b7 ', /^https?:\/\//i.test(d.url) ? el('a', { href: d.url, rel: 'noopener noreferrer nofollow', class: 'source' }, 'source') : d.url);
  show(el('h1', {}, d.title === null ? d.id : d.title), where, text);
  const mark = document.getElementById('q' + current);
  if (mark) mark.scrollIntoView({ block: 'center' });
}

async function route() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query] = [hash.split('?')[0], new URLSearchParams(hash.split('?')[1] || '')];
  try {
    const m = /^(speaker|document)\/(.+)$/.exec(path);
    if (m && m[1] === 'speaker') await speaker(decodeURIComponent(m[2]));
    else if (m) await documentPage(decodeURIComponent(m[2]), Number(query.get('quote')));
    else await search(query);
  } catch (err) {
    show(el('p', { class: 'error' }, err.message));
  }
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const p = new URLSearchParams();
  for (const input of form.elements) if (input.name && input.value) p.set(input.name, input.value);
  location.hash = '#/?' + p;
});
window.addEventListener('hashchange', route);
route();
`;
