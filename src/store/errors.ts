import { QuotegraphError } from '../errors.js';

/** A quote index that cannot be opened as asked: a folder, a file of another kind, an empty file, a newer schema. */
export class QuotegraphIndexError extends QuotegraphError {
  constructor(code: 'E_DB_FOLDER' | 'E_DB_MISSING' | 'E_DB_NOT_INDEX' | 'E_DB_EMPTY' | 'E_DB_NEWER' | 'E_DB_OPEN' | 'E_DB_SCHEMA', message: string) {
    super(code, message);
    this.name = 'QuotegraphIndexError';
  }
}
