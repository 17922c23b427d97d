import { closeSync, createWriteStream, fstatSync, ftruncateSync, openSync, statSync, unlinkSync, type WriteStream } from 'node:fs';
import { UsageError } from '../usage.js';
import { describeFsError } from './files.js';
import type { Source } from './source.js';

/** The `--out` file, opened, and the inputs that are not it. */
export interface Output {
  readonly stream: WriteStream;
  readonly sources: Source[];
}

/**
 * Opens `--out` without truncating it, so that it can be told apart from the inputs by
 * device and inode (through any link or spelling of its path): an input named on the
 * command line that is the output is a usage error, and nothing is truncated; the output
 * found inside an input folder or by a glob is left out of the inputs. Only then is the
 * file emptied (or, with `--resume`, appended to).
 */
export function openOutput(path: string, resume: boolean, sources: readonly Source[]): Output {
  const existed = statOrUndefined(path) !== undefined;
  let fd: number;
  try {
    fd = openSync(path, 'a');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a folder: give a file name, such as graphs.jsonl inside it' : describeFsError(err);
    throw new UsageError(`cannot write --out ${path}: ${reason}`);
  }
  const out = fstatSync(fd);
  const isOutput = (s: Source): boolean => {
    if (s.path === '-') return false;
    const st = statOrUndefined(s.path);
    return st !== undefined && st.dev === out.dev && st.ino === out.ino;
  };
  const named = sources.find((s) => !s.listed && isOutput(s));
  if (named !== undefined) {
    closeSync(fd);
    if (!existed) unlinkSync(path);
    throw new UsageError(`--out ${path} is also an input (${named.name}): write the graphs to another file`);
  }
  if (!resume) ftruncateSync(fd, 0);
  return { stream: createWriteStream('', { fd }), sources: sources.filter((s) => !isOutput(s)) };
}

function statOrUndefined(path: string | Buffer): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
