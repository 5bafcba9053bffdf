import { DataFormatError } from '../../src/core/errors.ts';

/** The DataFormatError `read` throws; fails the test when it returns or throws anything else. */
export function refusal(read: () => unknown): DataFormatError {
  try {
    read();
  } catch (e) {
    if (e instanceof DataFormatError) return e;
    throw e;
  }
  throw new Error('the reader accepted the file: a DataFormatError was expected');
}
