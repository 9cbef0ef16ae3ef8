/**
 * An input the tool cannot work with (missing file, not UTF-8, invalid catalog): reported as one
 * clear line and a non-zero exit, never as a stack trace.
 */
export class InputError extends Error {
  override name = 'InputError'
}
