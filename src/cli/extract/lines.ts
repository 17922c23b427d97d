import iconv from 'iconv-lite';
import { byteOrderMark, decodeUtf8OrLatin1, looksBinary } from './decode.js';

/** One line of a JSONL input: its text (decoded) or, when it was over the limit, its size only. */
export type JsonlLine =
  | { readonly kind: 'line'; readonly number: number; readonly text: string; readonly note?: string }
  | { readonly kind: 'long'; readonly number: number; readonly size: number };

/** The start of a JSONL input, before its lines: binary, or the encoding its lines are in. */
export type JsonlStart = { readonly binary: true } | { readonly binary: false; readonly lines: AsyncGenerator<JsonlLine> };

const toBuffer = (chunk: string | Buffer): Buffer => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk);

/**
 * Reads a JSONL input as lines, decoded as a .txt file is: a UTF-16 byte-order mark makes
 * the whole input UTF-16 (each record gets the note), a UTF-8 one is dropped, and a line that
 * is not valid UTF-8 is read as Windows-1252 with a note. A NUL or many control bytes in the
 * first 8 KB mark the input binary. No line is held beyond `maxBytes`: the rest of a longer
 * line is read past, not kept, and the line is reported by its size.
 */
export async function readJsonlLines(chunks: AsyncIterable<string | Buffer>, maxBytes: number): Promise<JsonlStart> {
  const it = chunks[Symbol.asyncIterator]();
  // The first 8 KB (or the whole input, when shorter) decide the encoding.
  const head: Buffer[] = [];
  let headLength = 0;
  let ended = false;
  while (headLength < 8192) {
    const next = await it.next();
    if (next.done === true) {
      ended = true;
      break;
    }
    const b = toBuffer(next.value as string | Buffer);
    head.push(b);
    headLength += b.length;
  }
  const first = Buffer.concat(head, headLength);
  const bom = byteOrderMark(first);
  async function* rest(): AsyncGenerator<Buffer> {
    yield first.subarray(bom?.length ?? 0);
    if (ended) return;
    for (let next = await it.next(); next.done !== true; next = await it.next()) yield toBuffer(next.value as string | Buffer);
  }
  if (bom?.encoding === 'utf-16le' || bom?.encoding === 'utf-16be') {
    const note = `decoded as ${bom.encoding.toUpperCase()} (byte-order mark)`;
    return { binary: false, lines: decodedLines(transcode(rest(), bom.encoding), maxBytes, note) };
  }
  if (looksBinary(first.subarray(bom?.length ?? 0))) return { binary: true };
  return { binary: false, lines: decodedLines(rest(), maxBytes, undefined) };
}

/** UTF-16 bytes as UTF-8 bytes, a chunk at a time. */
async function* transcode(bytes: AsyncIterable<Buffer>, encoding: 'utf-16le' | 'utf-16be'): AsyncGenerator<Buffer> {
  const decoder = iconv.getDecoder(encoding);
  for await (const b of bytes) yield Buffer.from(decoder.write(b), 'utf8');
  const tail = decoder.end();
  if (tail !== undefined && tail.length > 0) yield Buffer.from(tail, 'utf8');
}

async function* decodedLines(bytes: AsyncIterable<Buffer>, maxBytes: number, fileNote: string | undefined): AsyncGenerator<JsonlLine> {
  for await (const line of boundedLines(bytes, maxBytes)) {
    if (line.kind === 'long') {
      yield line;
      continue;
    }
    const decoded = decodeUtf8OrLatin1(line.bytes);
    const note = fileNote ?? decoded.note;
    yield note === undefined ? { kind: 'line', number: line.number, text: decoded.text } : { kind: 'line', number: line.number, text: decoded.text, note };
  }
}

/**
 * The lines of a byte stream (ended by LF, CRLF or a lone CR, as readline reads them), read
 * a chunk at a time as they are asked for, numbered from 1. A line longer than `maxBytes` is
 * not kept: its bytes are counted as they go by and it comes out as its size.
 */
export async function* boundedLines(bytes: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<{ kind: 'line'; number: number; bytes: Buffer } | { kind: 'long'; number: number; size: number }> {
  // The start of the current line, in pieces when it spans chunks; none once it is too long.
  const pending: Buffer[] = [];
  let size = 0;
  let number = 0;
  // A CR that ended the previous chunk: a line break, and an LF right after it belongs to it.
  let afterCr = false;
  const end = (): { kind: 'line'; number: number; bytes: Buffer } | { kind: 'long'; number: number; size: number } => {
    number++;
    const line = size > maxBytes ? { kind: 'long' as const, number, size } : { kind: 'line' as const, number, bytes: Buffer.concat(pending, size) };
    pending.length = 0;
    size = 0;
    return line;
  };
  const add = (piece: Buffer): void => {
    size += piece.length;
    if (size > maxBytes) pending.length = 0;
    else pending.push(piece);
  };
  for await (const chunk of bytes) {
    let start = afterCr && chunk[0] === 10 ? 1 : 0;
    afterCr = false;
    for (let i = start; i < chunk.length; i++) {
      const c = chunk[i];
      if (c !== 10 && c !== 13) continue;
      add(chunk.subarray(start, i));
      yield end();
      if (c === 13) {
        if (i + 1 === chunk.length) afterCr = true;
        else if (chunk[i + 1] === 10) i++;
      }
      start = i + 1;
    }
    if (start < chunk.length) add(Buffer.from(chunk.subarray(start)));
  }
  if (size > 0) yield end();
}
