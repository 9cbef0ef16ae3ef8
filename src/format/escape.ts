/** Text made safe to print on a terminal or in markdown: the helpers live in the core module every stage uses. */
export {escapeControl, invisibleCharacters, shownCodePoint} from '../core/text.js'
