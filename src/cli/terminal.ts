/**
 * Text bound for a terminal. Quote text, speaker names and file names come from the
 * articles and the file system, so they are untrusted: an escape sequence in them could
 * set the window title, clear the screen or, on some terminals, write the clipboard.
 * Every human-readable line the CLI prints passes what it quotes through
 * `escapeForTerminal`; `--json` output stays exact (JSON already escapes control characters).
 */

/** C0 controls except tab and newline, DEL, the C1 controls, and the bidi overrides that can disguise text. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Writes each unsafe character as a visible `\xNN` / `\u{NNNN}` escape. */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

/** As `escapeForTerminal`, and newlines and tabs too: for a value printed inside one line (a file name, a speaker). */
export function escapeInline(text: string): string {
  return escapeForTerminal(text).replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

/** What JSON.stringify leaves raw but a terminal may act on: DEL, the C1 controls, the bidi overrides. */
const UNSAFE_IN_JSON = /[\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * JSON for standard output: exactly `JSON.stringify(value, null, 2)` as data (it parses to
 * the same value), with the characters JSON leaves raw and a terminal may act on written
 * as `\uNNNN` escapes (they can only occur inside strings).
 */
export function jsonForTerminal(value: unknown): string {
  return escapeJsonRaw(JSON.stringify(value, null, 2));
}

/** As `jsonForTerminal`, on one line with its newline: a line of JSONL. */
export function jsonLine(value: unknown): string {
  return `${escapeJsonRaw(JSON.stringify(value))}\n`;
}

const escapeJsonRaw = (json: string): string => json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
