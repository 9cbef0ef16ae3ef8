/**
 * Text helpers every stage uses (compile, diff, feed, format, the command line and the Action):
 * the one order of strings, text compared as a reader would, and text made safe for a terminal.
 * Nothing here knows about pages, catalogs or diffs.
 */

/** Code-unit order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Text compared the way a reader would: case, punctuation and spacing aside. */
export function normaliseText(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()
}

/**
 * Text from pages and file names made safe to print on a terminal: each C0/C1 control character
 * (and DEL) written as `\xNN`, so a page or a file name cannot move the cursor, hide text or clear
 * the screen.
 */
export function escapeControl(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => '\\x' + char.charCodeAt(0).toString(16).padStart(2, '0'))
}
