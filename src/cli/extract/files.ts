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
