import type { ReportData } from '../../store/report.js';

/** JSON safe to put inside a <script> element. */
const scriptJson = (v: unknown): string =>
  JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const CSS = `
:root { --ink: #1d2330; --muted: #5b6475; --line: #dde1e8; --accent: #1f5fbf; --bg: #f7f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
header { padding: 20px 28px 12px; background: #fff; border-bottom: 1px solid var(--line); position: sticky; top: 0; z-index: 1; }
h1 { margin: 0 0 4px; font-size: 20px; }
.totals, .status { color: var(--muted); font-size: 13px; }
#search { width: min(640px, 100%); margin: 10px 0 4px; padding: 8px 12px; font-size: 16px; border: 1px solid #b9c0cc; border-radius: 6px; }
main { padding: 16px 28px 40px; max-width: 1100px; }
.speaker { background: #fff; border: 1px solid var(--line); border-radius: 8px; margin: 0 0 14px; padding: 12px 16px; }
.speaker h2 { margin: 0; font-size: 17px; display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.rank { color: var(--muted); font-weight: normal; font-size: 13px; }
.count { margin-left: auto; color: var(--muted); font-weight: normal; font-size: 13px; }
.roles { color: var(--muted); font-size: 13px; margin: 2px 0 6px; }
.timeline { display: block; margin: 4px 0 8px; }
.timeline rect { fill: var(--accent); opacity: .75; }
.timeline text { font-size: 10px; fill: var(--muted); }
ul.quotes { margin: 0; padding: 0 0 0 18px; }
ul.quotes li { margin: 4px 0; }
.form { font-size: 11px; color: var(--muted); border: 1px solid var(--line); border-radius: 3px; padding: 0 4px; margin-left: 4px; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
.src { font-size: 13px; margin-left: 6px; }
mark { background: #ffe58a; padding: 0 1px; }
#documents { margin-top: 28px; }
#documents li { margin: 3px 0; }
#documents li:target { background: #fff6cc; }
.empty { color: var(--muted); font-style: italic; }
.omitted { font-size: 13px; margin-top: 2px; }
`;

/**
 * The page's script: renders speakers and documents from the embedded data, filters them
 * as the reader types (every word must appear in the quote, the speaker's name or role),
 * and draws each speaker's timeline from the quotes' dates.
 */
const SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var list = document.getElementById('speakers');
  var status = document.getElementById('status');
  var input = document.getElementById('search');
  var fold = function (s) { return s.normalize('NFKD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase(); };
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
  function highlight(parent, text, words) {
    if (!words.length) { parent.appendChild(document.createTextNode(text)); return; }
    var f = fold(text), marks = [];
    words.forEach(function (w) { var i = f.indexOf(w); while (i >= 0) { marks.push([i, i + w.length]); i = f.indexOf(w, i + w.length); } });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var at = 0;
    marks.forEach(function (m) { if (m[0] < at) return; parent.appendChild(document.createTextNode(text.slice(at, m[0]))); parent.appendChild(el('mark', '', text.slice(m[0], m[1]))); at = m[1]; });
    parent.appendChild(document.createTextNode(text.slice(at)));
  }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  // A day, month or year as the index writes them; anything else (a hand-made or older
  // index may hold "2016-13-45") is left off the timeline rather than trusted by a loop.
  var DAY = /^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$/;
  // At most this many bars (a span of centuries is cut there).
  var MAX_PERIODS = 240;
  // Every period from the first dated quote to the last, empty ones included: days within
  // one month, else months, else (over ten years) years. Each loop counts up to a bound.
  function periods(first, last) {
    var out = [], d;
    if (first.slice(0, 7) === last.slice(0, 7) && first.length === 10) {
      for (d = Number(first.slice(8, 10)); d <= Number(last.slice(8, 10)) && out.length < MAX_PERIODS; d++) out.push(first.slice(0, 8) + pad(d));
      return out;
    }
    var y = Number(first.slice(0, 4)), m = Number(first.slice(5, 7)) || 1, ly = Number(last.slice(0, 4)), lm = Number(last.slice(5, 7)) || 12;
    if (ly - y > 10) { for (; y <= ly && out.length < MAX_PERIODS; y++) out.push(String(y)); return out; }
    for (; (y < ly || (y === ly && m <= lm)) && out.length < MAX_PERIODS; m >= 12 ? (y++, m = 1) : m++) out.push(y + '-' + pad(m));
    return out;
  }
  function timeline(quotes) {
    var days = quotes.map(function (q) { return q.date; }).filter(function (d) { return typeof d === 'string' && DAY.test(d); }).sort();
    if (days.length === 0) return null;
    var keys = periods(days[0], days[days.length - 1]), width = keys[0].length;
    var counts = {}; keys.forEach(function (k) { counts[k] = 0; });
    days.forEach(function (d) { var k = d.slice(0, width); if (k in counts) counts[k]++; });
    var max = Math.max.apply(null, keys.map(function (k) { return counts[k]; }));
    var unit = width === 10 ? 'day' : width === 7 ? 'month' : 'year';
    var w = Math.min(640, Math.max(120, keys.length * 22)), h = 46, bw = w / keys.length;
    var ns = 'http://www.w3.org/2000/svg', svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('class', 'timeline'); svg.setAttribute('width', w); svg.setAttribute('height', h + 14);
    svg.setAttribute('role', 'img'); svg.setAttribute('aria-label', 'quotes by ' + unit);
    keys.forEach(function (k, i) {
      var bh = counts[k] === 0 ? 0 : Math.max(2, Math.round(h * counts[k] / max)), r = document.createElementNS(ns, 'rect');
      r.setAttribute('x', i * bw + 1); r.setAttribute('y', h - bh); r.setAttribute('width', Math.max(2, bw - 2)); r.setAttribute('height', bh);
      var t = document.createElementNS(ns, 'title'); t.textContent = k + ': ' + counts[k] + ' quote' + (counts[k] === 1 ? '' : 's'); r.appendChild(t); svg.appendChild(r);
    });
    [0, keys.length - 1].forEach(function (i, j) {
      if (j === 1 && i === 0) return;
      var t = document.createElementNS(ns, 'text'); t.setAttribute('x', j === 0 ? 0 : w); t.setAttribute('y', h + 12);
      t.setAttribute('text-anchor', j === 0 ? 'start' : 'end'); t.textContent = keys[i]; svg.appendChild(t);
    });
    return svg;
  }
  function render(query) {
    var words = fold(query).split(/[^\\p{L}\\p{N}]+/u).filter(Boolean);
    list.textContent = '';
    var shownSpeakers = 0, shownQuotes = 0;
    data.speakers.forEach(function (s, rank) {
      var who = fold(s.name + ' ' + s.roles.join(' '));
      var quotes = s.quotes.filter(function (q) { var t = fold(q.text) + ' ' + who; return words.every(function (w) { return t.indexOf(w) >= 0; }); });
      if (!quotes.length) return;
      shownSpeakers++; shownQuotes += quotes.length;
      var sec = el('section', 'speaker'); sec.setAttribute('data-speaker', s.name);
      var h2 = el('h2'); h2.appendChild(el('span', 'rank', '#' + (rank + 1))); var nm = el('span', 'name'); highlight(nm, s.name, words); h2.appendChild(nm);
      h2.appendChild(el('span', 'count', quotes.length === s.quotes.length ? s.quotes.length + ' quote' + (s.quotes.length === 1 ? '' : 's') : quotes.length + ' of ' + s.quotes.length + ' quotes'));
      sec.appendChild(h2);
      if (s.roles.length) { var ro = el('div', 'roles'); highlight(ro, s.roles.join(', '), words); sec.appendChild(ro); }
      var tl = timeline(s.quotes); if (tl) sec.appendChild(tl);
      var ul = el('ul', 'quotes');
      quotes.forEach(function (q) {
        // Reported speech (indirect, and mixed around its quoted fragments) is not put in quotation marks: it is not the speaker's words.
        var li = el('li', 'quote'), t = el('span', 'text'), shown = q.form === 'direct' ? '\\u201c' + q.text + '\\u201d' : q.text;
        highlight(t, shown, words); li.appendChild(t);
        if (q.form !== 'direct') li.appendChild(el('span', 'form', q.form));
        var d = data.documents[q.doc], a = el('a', 'src', [q.title || d.title || d.id, q.date || d.date].filter(Boolean).join(' \\u00b7 '));
        a.href = '#doc-' + q.doc; li.appendChild(a); ul.appendChild(li);
      });
      sec.appendChild(ul); list.appendChild(sec);
    });
    if (!shownSpeakers) list.appendChild(el('p', 'empty', data.speakers.length ? 'No quote matches \\u201c' + query + '\\u201d.' : 'The index holds no attributed quotes yet.'));
    list.setAttribute('data-query', query);
    status.textContent = words.length ? shownQuotes + ' quote' + (shownQuotes === 1 ? '' : 's') + ' from ' + shownSpeakers + ' speaker' + (shownSpeakers === 1 ? '' : 's') + ' match' : data.speakers.length + ' speakers, ranked by number of quotes';
  }
  var docs = document.getElementById('doc-list');
  data.documents.forEach(function (d, i) {
    var li = el('li'); li.id = 'doc-' + i; li.appendChild(el('strong', '', d.title || d.id));
    li.appendChild(document.createTextNode(' \\u2014 ' + [d.outlet, d.date, d.id, d.quotes + ' quote' + (d.quotes === 1 ? '' : 's')].filter(Boolean).join(' \\u00b7 ')));
    docs.appendChild(li);
  });
  var timer = 0;
  input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(function () { render(input.value); }, 80); });
  render(input.value);
})();
`;

/** The report as one self-contained HTML page: no network needed to open it. */
export function renderReport(data: ReportData, title = 'Who said what: quotegraph report'): string {
  const t = data.totals;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<div class="totals">${t.documents} documents · ${t.quotes} quotes · ${t.speakers} speakers · ${t.unattributed} quotes without a known speaker · generated ${escapeHtml(data.generated.slice(0, 16).replace('T', ' '))} UTC</div>
<div class="omitted" id="omitted">${escapeHtml(omittedLine(data))}</div>
<input id="search" type="search" placeholder="Search quotes, speakers, roles…" aria-label="Search quotes, speakers and roles" autocomplete="off">
<div id="status" class="status" role="status"></div>
</header>
<main>
<noscript><p>This page lists its speakers with JavaScript; the data is in the page source.</p></noscript>
<div id="speakers"></div>
<section id="documents"><h2>Documents</h2><ol id="doc-list"></ol></section>
</main>
<script type="application/json" id="report-data">${scriptJson(data)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

const count = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/**
 * What the page leaves out, said on the page itself (and by the command): the speakers past
 * --speakers with their quotes, and the quotes of no known speaker, which the page never lists.
 */
export function omittedLine(data: Pick<ReportData, 'speakers' | 'omitted' | 'totals'>): string {
  const parts: string[] = [];
  if (data.omitted.speakers > 0) {
    parts.push(`only the ${count(data.speakers.length, 'speaker')} with most quotes: ${count(data.omitted.speakers, 'more speaker')} (${count(data.omitted.quotes, 'quote')}) left out (quotegraph report --speakers N for more)`);
  }
  if (data.totals.unattributed > 0) parts.push(`${count(data.totals.unattributed, 'quote')} without a known speaker not listed`);
  return parts.length === 0 ? 'This page shows every speaker and every quote of the index.' : `This page shows ${parts.join('; ')}; quotegraph serve browses them all.`;
}
