/**
 * Markdown from the pages made inert for GitHub beyond what the diff's escaping does: bidi
 * overrides and zero-width characters (which can make a comment read other than it says) shown
 * as `⟨U+202E⟩`, and bare 40-hex strings (which GitHub links to commits) split.
 */

const invisible = /[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g
/** A code span: GitHub links nothing inside one, and an entity there would show as typed. */
const codeSpan = /((?<!\\)`[^`\n]*`)/

/** `markdown` with invisible and direction characters shown, and bare commit-like hashes split. */
export function inertForGitHub(markdown: string): string {
  return markdown
    .split(codeSpan)
    .map((part, index) => {
      const shown = part.replace(invisible, (char) => `⟨U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`)
      return index % 2 === 1 ? shown : shown.replace(/\b[0-9a-f]{40}\b/gi, (hash) => `${hash.slice(0, 20)}&#8203;${hash.slice(20)}`)
    })
    .join('')
}
