/**
 * Opens a report page in linkedom (no browser needed), runs its script, and prints what the
 * page drew as JSON: the timeline bars' titles and the number of quotes listed. Run in a
 * child process with a timeout, so that a script that never ends fails the test instead
 * of stalling it.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';

const html = readFileSync(process.argv[2]!, 'utf8');
const { document } = parseHTML(html);
const scripts = [...document.querySelectorAll('script:not([type])')].map((s) => s.textContent ?? '');
const g = globalThis as Record<string, unknown>;
g.document = document;
for (const code of scripts) new Function(code)();
process.stdout.write(`${JSON.stringify({
  bars: [...document.querySelectorAll('svg.timeline rect title')].map((t) => t.textContent),
  quotes: document.querySelectorAll('li.quote').length,
})}\n`);
