import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The shared corpora, read in place and never copied into the repo. */
export const SHARED_DATA = join(ROOT, '..', 'shared', 'data');
export const TEST_CORPUS = join(ROOT, 'test-corpus');
