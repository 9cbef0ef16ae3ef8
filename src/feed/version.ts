/**
 * Catalog versions: `YYYYMMDDNN`, the latest `ms.date` of the sources and a number counting up
 * from 00 within that date. Versions only ever increase, so "newer than" is string order.
 */
import {InputError} from '../errors.js'

/** The version before every catalog: `changes --since 0000000000` asks for the whole feed. */
export const emptyVersion = '0000000000'

/**
 * The version of new content dated `date` (`YYYYMMDDNN`'s first eight digits) after `previous`:
 * `date` + 00, or the next number after `previous` when that is not newer (same date, or sources
 * dated back). Past 99 the count carries into the next day (`2018102299` → `2018102300`,
 * `2018103199` → `2018110100`): versions of one date are unbounded and still ten digits in order.
 */
export function nextVersion(previous: string | undefined, date: string): string {
  const candidate = date + '00'
  if (previous === undefined || candidate > previous) return candidate
  const number = Number(previous.slice(8)) + 1
  if (number <= 99) return previous.slice(0, 8) + String(number).padStart(2, '0')
  const day = previous.slice(0, 8)
  if (day === '00000000') return '0000000100'
  const next = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8)) + 1))
  const carried = next.toISOString().slice(0, 10).replace(/-/g, '')
  if (!/^\d{8}$/.test(carried) || carried <= day) throw new InputError(`version ${previous}: no version after it fits YYYYMMDDNN`)
  return carried + '00'
}

/** Whether `text` has the form of a version (ten digits). */
export function isVersion(text: string): boolean {
  return /^[0-9]{10}$/.test(text)
}
