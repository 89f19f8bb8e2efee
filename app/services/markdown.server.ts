import { Marked } from 'marked'
import sanitizeHtml from 'sanitize-html'

// marked does not sanitise; everything it produces goes through this allowlist.
const marked = new Marked({ gfm: true, breaks: true, async: false })

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'h3',
    'h4',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'] },
  // Only web and mail links; javascript:, data:, vbscript: and friends are dropped.
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // The page has its own h1 and h2; a post's headings sit below them.
    h1: 'h3',
    h2: 'h3',
    h5: 'h4',
    h6: 'h4',
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'nofollow ugc noopener' },
    }),
  },
}

/** Markdown → sanitised HTML, computed once when a post is written and stored beside it. */
export function renderMarkdown(markdown: string): string {
  const raw = marked.parse(markdown) as string
  return sanitizeHtml(raw, SANITIZE).trim()
}

/** Plain text of sanitised HTML, shortened at a word boundary, for cards, feeds and the API. */
export function summarise(html: string, max = 200): string {
  // A line break or the end of a block separates words: without a space there, stripping the
  // tags would glue "rad två<br>rad tre" into "rad tvårad tre".
  const spaced = html.replace(/<br\s*\/?>|<\/(?:p|li|h[1-6]|blockquote|pre|td|th|tr|div)>/gi, ' $&')
  const text = sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).trimEnd()}…`
}
