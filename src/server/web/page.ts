/** The web app's one HTML page: a shell that /app.js fills from the JSON API (nothing inline, for the CSP). */
export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>quotegraph</title>
<link rel="stylesheet" href="/app.css">
<script src="/app.js" defer></script>
</head>
<body>
<header><a href="#/" class="home">quotegraph</a>
<form id="search" role="search"><input name="q" type="search" placeholder="words, &quot;a phrase&quot;, prefix*" aria-label="search words">
<input name="speaker" type="search" placeholder="speaker" aria-label="speaker"><input name="from" type="search" placeholder="from 2016-01" aria-label="from">
<input name="to" type="search" placeholder="to 2016-12" aria-label="to"><select name="form" aria-label="form"><option value="">any form</option><option>direct</option><option>indirect</option><option>mixed</option></select>
<button>Search</button></form></header>
<main id="main" aria-live="polite"></main>
</body>
</html>
`;

/** The page's style sheet. */
export const PAGE_CSS = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{background:#fff;border-bottom:1px solid #ddd;padding:.6em 1em;display:flex;gap:1em;flex-wrap:wrap;align-items:center}
.home{font-weight:700;text-decoration:none;color:#234}
form{display:flex;gap:.4em;flex-wrap:wrap}input,select,button{font:inherit;padding:.2em .4em}
main{max-width:52em;margin:1em auto;padding:0 1em}.total{color:#555}.error{color:#a00}
ol.quotes{padding-left:1.5em}ol.quotes li{margin:.8em 0}.quote{display:block}.who,.where{color:#555;font-size:.9em}
.pager{display:flex;gap:1em;margin:1em 0}.roles{color:#555}
.timeline{display:flex;align-items:flex-end;gap:2px;height:80px;border-bottom:1px solid #999;margin:1em 0}
.timeline span{background:#468;min-width:6px;flex:1}
.doc-text{white-space:pre-wrap;background:#fff;padding:1em;border:1px solid #ddd}
.facets{display:flex;gap:1.5em;flex-wrap:wrap;font-size:.9em}.facets h2{font-size:1em;margin:.2em 0}.facets ul{list-style:none;padding:0;margin:0}
mark{background:#fe9}mark.current{background:#fb4;outline:2px solid #c80}
`;
