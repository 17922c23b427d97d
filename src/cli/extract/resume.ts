import { closeSync, existsSync, fstatSync, ftruncateSync, openSync, readSync } from 'node:fs';

/**
 * The ids already in a JSONL output, for `--resume`. A last line cut short by a killed
 * run is removed from the file (its document is extracted again). Reads in chunks, so
 * memory holds the ids and one line, not the file.
 */
export function idsWritten(path: string): Set<string> {
  const ids = new Set<string>();
  if (!existsSync(path)) return ids;
  const fd = openSync(path, 'r+');
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.alloc(1 << 20);
    let carry: Buffer[] = [];
    let carryLen = 0;
    let pos = 0;
    let lastNewline = -1;
    while (pos < size) {
      const n = readSync(fd, buf, 0, buf.length, pos);
      if (n <= 0) break;
      let from = 0;
      for (let i = 0; i < n; i++) {
        if (buf[i] !== 10) continue;
        const piece = buf.subarray(from, i);
        const line = carryLen > 0 ? Buffer.concat([...carry, piece]) : piece;
        const id = lineId(line);
        if (id !== undefined) ids.add(id);
        carry = [];
        carryLen = 0;
        from = i + 1;
        lastNewline = pos + i;
      }
      if (from < n) {
        carry.push(Buffer.from(buf.subarray(from, n)));
        carryLen += n - from;
      }
      pos += n;
    }
    if (lastNewline + 1 < size) ftruncateSync(fd, lastNewline + 1);
  } finally {
    closeSync(fd);
  }
  return ids;
}

const ID_PREFIX = Buffer.from('{"id":');

/** The id of a graph line: read from its start where the CLI put it, else by parsing. */
function lineId(line: Buffer): string | undefined {
  if (line.length === 0) return undefined;
  if (line.subarray(0, ID_PREFIX.length).equals(ID_PREFIX)) {
    // The id is a JSON string: find its closing quote, skipping escapes.
    let i = ID_PREFIX.length + 1;
    while (i < line.length && line[i] !== 34) i += line[i] === 92 ? 2 : 1;
    try {
      const id: unknown = JSON.parse(line.subarray(ID_PREFIX.length, i + 1).toString('utf8'));
      if (typeof id === 'string') return id;
    } catch {
      // fall through to a full parse
    }
  }
  try {
    const g = JSON.parse(line.toString('utf8')) as { id?: unknown };
    return typeof g.id === 'string' ? g.id : undefined;
  } catch {
    return undefined;
  }
}
