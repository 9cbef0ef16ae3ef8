/**
 * Catalog versions: `YYYYMMDDNN`, the latest `ms.date` of the sources and a number counting up
 * from 00 within that date. Versions only ever increase, so "newer than" is string order.
 */
import {InputError} from '../errors.js'

/** The version before every catalog: `changes --since 0000000000` asks for the whole feed. */
export const emptyVersion = '0000000000'

/**
 * The version of new content dated `date` (`YYYYMMDD`) after `previous`: `date` + 00, or the next
 * number after `previous` when that is not newer (same date, or sources dated back).
 */
export function nextVersion(previous: string | undefined, date: string): string {
  const candidate = date + '00'
  if (previous === undefined || candidate > previous) return candidate
  const number = Number(previous.slice(8)) + 1
  if (number > 99) {
    throw new InputError(`version ${previous}: a hundredth version for one date does not fit YYYYMMDDNN; date the pages (ms.date) anew`)
  }
  return previous.slice(0, 8) + String(number).padStart(2, '0')
}

/** Whether `text` has the form of a version (ten digits). */
export function isVersion(text: string): boolean {
  return /^[0-9]{10}$/.test(text)
}
