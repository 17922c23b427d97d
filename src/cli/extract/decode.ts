import iconv from 'iconv-lite';

/** What decoding a file's bytes gave: its text and, where it was not plain UTF-8, why. */
export type Decoded =
  | { readonly ok: true; readonly text: string; readonly encoding: string; readonly note?: string }
  | { readonly ok: false; readonly reason: 'empty' | 'binary' };

/** Control bytes that never occur in text (everything under 0x20 but tab, LF, VT, FF, CR, ESC). */
const isControl = (b: number): boolean => b < 0x20 && b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 27;

/** Share of control bytes in the first 8 KB above which a file without a BOM is binary. */
const BINARY_SHARE = 0.02;

/**
 * Decodes a text file: a UTF-16 or UTF-8 byte-order mark decides the encoding; otherwise
 * valid UTF-8 is UTF-8 and anything else is read as Windows-1252 (a superset of Latin-1
 * for printable text), with a note saying so. NUL or other control bytes mark a binary file.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  let decoded: { text: string; encoding: string; note?: string };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + 2, bytes.length - 2), 'utf-16le'), encoding: 'utf-16le', note: 'decoded as UTF-16LE (byte-order mark)' };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + 2, bytes.length - 2), 'utf-16be'), encoding: 'utf-16be', note: 'decoded as UTF-16BE (byte-order mark)' };
  } else {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const body = bytes.subarray(bom);
    if (looksBinary(body)) return { ok: false, reason: 'binary' };
    decoded = decodeUtf8OrLatin1(body);
  }
  if (decoded.text.trim().length === 0) return { ok: false, reason: 'empty' };
  return { ok: true, ...decoded };
}

/** Whether the first 8 KB of some bytes hold a NUL or more control bytes than text has. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (isControl(b)) control++;
  }
  return control > n * BINARY_SHARE;
}

/** Valid UTF-8 as UTF-8; anything else as Windows-1252, with a note saying so. */
export function decodeUtf8OrLatin1(bytes: Uint8Array): { text: string; encoding: string; note?: string } {
  const utf8 = strictUtf8(bytes);
  return utf8 !== undefined
    ? { text: utf8, encoding: 'utf-8' }
    : { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), 'windows-1252'), encoding: 'windows-1252', note: 'not valid UTF-8: decoded as Windows-1252 (Latin-1)' };
}

/** The encoding a byte-order mark at the start of a file names, with its length. */
export function byteOrderMark(bytes: Uint8Array): { encoding: 'utf-16le' | 'utf-16be' | 'utf-8'; length: number } | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  return undefined;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}
