/**
 * Text from pages and file names made safe to print on a terminal: control characters shown as
 * `\xNN` escapes, so a page or a file name cannot move the cursor, hide text or clear the screen.
 */

/** `text` with each C0/C1 control character (and DEL) written as `\xNN`. */
export function escapeControl(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => '\\x' + char.charCodeAt(0).toString(16).padStart(2, '0'))
}
