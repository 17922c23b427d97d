import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/** A file opened for reading, or why it is not read. */
export type Opened = { readonly ok: true; readonly fd: number; readonly size: number } | { readonly ok: false; readonly reason: string };

/** What a file that is not a regular file is, for the message. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Opens an input file, which must be a regular file: a named pipe would block the run for
 * ever and a device such as /dev/zero never ends (its size reads 0). It is checked before it
 * is opened (opening some devices acts on them), opened without blocking, and checked again
 * on the open descriptor, so that a file swapped in between is caught.
 */
export function openRegular(path: string | Buffer): Opened {
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { ok: false, reason: 'unreadable: is a folder' };
    if (!st.isFile()) return { ok: false, reason: `not a regular file (${kindOf(st)}): only regular files are read` };
    const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const now = fstatSync(fd);
    if (!now.isFile()) {
      closeSync(fd);
      return { ok: false, reason: `not a regular file (${kindOf(now)}): only regular files are read` };
    }
    return { ok: true, fd, size: now.size };
  } catch (err) {
    if (typeof path === 'string' && path.includes('\uFFFD') && (err as NodeJS.ErrnoException).code === 'ENOENT') {
      return { ok: false, reason: 'unreadable: no such file; its name is not valid UTF-8, which the command line cannot pass on: name the folder that holds it instead' };
    }
    return { ok: false, reason: `unreadable: ${describeFsError(err)}` };
  }
}

/**
 * Reads an open file to its end, but never more than `limit` bytes: undefined when there is
 * more (a file that grows while it is read is not followed past its limit). Closes the file.
 */
export function readBounded(fd: number, limit: number): Buffer | undefined {
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) return Buffer.concat(chunks, total);
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > limit) return undefined;
    }
  } finally {
    closeSync(fd);
  }
}

export function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT': return 'no such file (or a broken link)';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a folder';
    case 'ELOOP': return 'too many levels of links (a link loop)';
    case 'ENOTDIR': return 'a part of the path is not a folder';
    default: return e.message ?? String(err);
  }
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 sequence length from its lead byte (1 for a byte that cannot lead one). */
const sequenceLength = (b: number): number => (b < 0xc2 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : b < 0xf5 ? 4 : 1);

/**
 * A file name's bytes as text: UTF-8 where they are valid, each byte that is not as `\\xNN`
 * (the name is still opened by its bytes; this is how it is shown and what its id holds).
 */
export function nameOf(bytes: Buffer): string {
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    let out = '';
    for (let i = 0; i < bytes.length; ) {
      const n = bytes[i]! < 0x80 ? 1 : sequenceLength(bytes[i]!);
      const piece = n > 1 && i + n <= bytes.length ? tryUtf8(bytes.subarray(i, i + n)) : bytes[i]! < 0x80 ? String.fromCharCode(bytes[i]!) : undefined;
      if (piece === undefined) {
        out += `\\x${bytes[i]!.toString(16).padStart(2, '0')}`;
        i++;
      } else {
        out += piece;
        i += n;
      }
    }
    return out;
  }
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}
