/**
 * Text from pages and file names made safe to print on a terminal: control characters shown as
 * `\xNN` escapes, so a page or a file name cannot move the cursor, hide text or clear the screen;
 * bidirectional controls as `\uNNNN`, so it cannot make text read in another order than it is.
 */

/** The bidirectional formatting characters (U+202E RIGHT-TO-LEFT OVERRIDE and its kin): they reorder what follows them. */
export const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** `U+202E`: how a bidirectional control is named where it cannot be shown. */
export function codePoint(char: string): string {
  return 'U+' + char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')
}

/** `text` with each C0/C1 control character (and DEL) written as `\xNN`, each bidirectional control as `\uNNNN`. */
export function escapeControl(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => '\\x' + char.charCodeAt(0).toString(16).padStart(2, '0'))
      .replace(bidiControls, (char) => '\\u' + char.charCodeAt(0).toString(16).padStart(4, '0'))
  )
}
