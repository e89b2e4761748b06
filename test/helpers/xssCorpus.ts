/**
 * Hostile strings for the XSS test (test/e2e/xss.test.ts). Each one, if a page ever parsed it as HTML, would set the
 * global flag `__xss`, open a dialog, or leave an element marked `data-xss` (or an <xss-marker>) in the DOM: the test
 * looks for all three. Every entry fits the shortest field it goes into (names: 100 characters).
 */
export const XSS_CORPUS: readonly string[] = [
  '<script data-xss>window.__xss=1</script>',
  '<img data-xss src=x onerror="window.__xss=1">',
  '<img data-xss src=x onerror=alert(document.domain)>',
  '<svg data-xss onload="window.__xss=1"><circle r="1"/></svg>',
  '<svg><script data-xss>window.__xss=1</script></svg>',
  'javascript:window.__xss=1',
  '<a data-xss href="javascript:window.__xss=1">点击领取补贴</a>',
  '"><iframe data-xss srcdoc="<script>parent.__xss=1</script>"></iframe>',
  "' onmouseover='window.__xss=1' data-xss='",
  '<div <img data-xss src=x onerror=window.__xss=1//',
  '<math><mtext><table><mglyph><style><img data-xss src=x onerror=window.__xss=1>',
  '</textarea></title><xss-marker></xss-marker><script>window.__xss=1</script>',
  "{{constructor.constructor('window.__xss=1')()}}${window.__xss=1}",
  '<object data-xss data="data:text/html,<script>parent.__xss=1</script>"></object>',
  '<details data-xss open ontoggle="window.__xss=1">展开</details>',
  '\u202e\u2066<b data-xss>gnp.exe</b>\u2069 \u200f申请表\u200e <bdo dir=rtl data-xss>x</bdo>',
  "<style>*{display:none}</style><xss-marker></xss-marker><p style=x:expression(alert(1))>",
  '<base href="javascript:window.__xss=1//"><xss-marker></xss-marker>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1"><xss-marker>',
  '<input data-xss autofocus onfocus="window.__xss=1">',
  '<video data-xss><source onerror="window.__xss=1"></video>',
  '<body onload="window.__xss=1"><xss-marker></xss-marker>',
  '&lt;img data-xss src=x onerror=window.__xss=1&gt; &#60;script&#62;',
  '[点我](javascript:window.__xss=1) ![x](x" onerror="window.__xss=1)',
];

/** A very long hostile string (for the fields that take thousands of characters). */
export function longHostile(length: number): string {
  const unit = `${XSS_CORPUS[1]}\u202e长文本`;
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** The i-th entry, wrapping around, so consecutive fields get different entries. */
export function hostile(index: number): string {
  return XSS_CORPUS[index % XSS_CORPUS.length]!;
}

/** Hostile strings for nicknames (at most 20 characters). */
export const SHORT_XSS_CORPUS: readonly string[] = ['<svg/onload=alert()>', '<b data-xss>网友</b>', '<xss-marker>网友', '\u202e网友<i data-xss>', '"><b data-xss>x'];
