/**
 * Text from pages and file names made safe to print on a terminal: control characters shown as
 * `\xNN` escapes, so a page or a file name cannot move the cursor, hide text or clear the screen;
 * bidirectional controls and zero-width characters as `\uNNNN`, so it cannot make text read
 * other than it is.
 */

/**
 * Characters that change how text reads without being seen: bidirectional controls (U+202E
 * RIGHT-TO-LEFT OVERRIDE and its kin reorder what follows them) and zero-width characters.
 */
// eslint-disable-next-line no-misleading-character-class
export const invisibleCharacters = /[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g

/** `⟨U+202E⟩`: an invisible character shown by its code point, where text is read by people (markdown). */
export function shownCodePoint(char: string): string {
  return `⟨U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`
}

/** `text` with each C0/C1 control character (and DEL) written as `\xNN`, each invisible character as `\uNNNN`. */
export function escapeControl(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => '\\x' + char.charCodeAt(0).toString(16).padStart(2, '0'))
      .replace(invisibleCharacters, (char) => '\\u' + char.charCodeAt(0).toString(16).padStart(4, '0'))
  )
}
