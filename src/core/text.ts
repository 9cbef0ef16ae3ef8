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
 * Characters that change how text reads without being seen: bidirectional controls (U+202E
 * RIGHT-TO-LEFT OVERRIDE and its kin reorder what follows them) and zero-width characters.
 */
export const invisibleCharacters = /[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g

/** `⟨U+202E⟩`: an invisible character shown by its code point, where text is read by people (markdown). */
export function shownCodePoint(char: string): string {
  return `⟨U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`
}

/**
 * Text from pages and file names made safe to print on a terminal: each C0/C1 control character
 * (and DEL) written as `\xNN`, so a page or a file name cannot move the cursor, hide text or clear
 * the screen; each invisible character as `\uNNNN`, so it cannot make text read other than it is.
 */
export function escapeControl(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => '\\x' + char.charCodeAt(0).toString(16).padStart(2, '0'))
      .replace(invisibleCharacters, (char) => '\\u' + char.charCodeAt(0).toString(16).padStart(4, '0'))
  )
}
