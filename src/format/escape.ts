/** Text made safe to print on a terminal: the helper lives in the core module every stage uses. */
export {escapeControl} from '../core/text.js'
