import { JSDOM } from 'jsdom'

// SECURITY.md items 19 and 20. "Inert" is checked on the parsed result, not by string search:
// no element may run script, load anything, or navigate anywhere but http(s)/mailto.
export const MARKDOWN_VECTORS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '<form action="https://evil.example"><button>go</button></form>',
  '<style>body{display:none}</style>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<template><img src=x onerror=alert(1)></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '[a](javascript:alert(1))',
  '[a](JaVaScRiPt:alert(1))',
  '[a](&#106;avascript:alert(1))',
  '[a](java&#x09;script:alert(1))',
  '[a][ref]\n\n[ref]: javascript:alert(1)',
  '<javascript:alert(1)>',
  '[a](data:text/html,<script>alert(1)</script>)',
  '![x](data:image/svg+xml,<svg onload=alert(1)>)',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="//evil.example">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
]

/** What in this HTML could run script, load something or navigate off http(s)/mailto. */
export function inertProblems(html: string) {
  const { document } = new JSDOM(`<body>${html}</body>`).window
  const problems: string[] = []
  for (const el of document.body.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase()
    if (
      [
        'script',
        'style',
        'iframe',
        'form',
        'base',
        'meta',
        'img',
        'svg',
        'math',
        'template',
        'object',
        'embed',
        'details',
        'noscript',
      ].includes(tag)
    ) {
      problems.push(`<${tag}>`)
    }
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on') || attr.name === 'style' || attr.name === 'src')
        problems.push(`${tag}@${attr.name}`)
      if (attr.name === 'href' && !/^(https?:|mailto:)/i.test(attr.value))
        problems.push(`${tag}@href=${attr.value}`)
    }
  }
  return problems
}
