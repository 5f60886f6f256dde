/**
 * Reads what a page says about itself when shared: Open Graph tags first (`og:title`,
 * `og:description`, `og:image`), then Twitter Card tags, then `<title>` and
 * `<meta name="description">`. Pure string work on the page's HTML, so it is tested without a
 * network; a forgiving scan rather than a full HTML parser, since only a few `<meta>` tags matter.
 */

export interface OpenGraph {
  title: string | null;
  description: string | null;
  /** Absolute http(s) URL of the preview image, resolved against the page's URL. */
  imageUrl: string | null;
}

const MAX_TITLE = 300;
const MAX_DESCRIPTION = 1000;

/** Extracts the page's title, description and preview image from its HTML. */
export function parseOpenGraph(html: string, pageUrl: string): OpenGraph {
  const head = headOf(html);
  const meta = readMetaTags(head);
  const pick = (...keys: string[]) => keys.map((k) => meta.get(k)).find((v) => v !== undefined && v !== '') ?? null;
  const titleTag = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(head)?.[1];

  const title = pick('og:title', 'twitter:title') ?? (titleTag ? tidy(decodeEntities(titleTag)) : null);
  const description = pick('og:description', 'twitter:description', 'description');
  const image = pick('og:image:secure_url', 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src');
  return {
    title: title ? clip(title, MAX_TITLE) : null,
    description: description ? clip(description, MAX_DESCRIPTION) : null,
    imageUrl: image ? resolveHttpUrl(image, pageUrl) : null,
  };
}

/** The part of the document before `</head>` (or all of it), without comments and scripts. */
function headOf(html: string): string {
  const cleaned = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
  const end = cleaned.search(/<\/head\s*>|<body\b/i);
  return end === -1 ? cleaned : cleaned.slice(0, end);
}

/** `property`/`name` (lower-cased) → decoded `content`, first occurrence wins. */
function readMetaTags(html: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    const attrs = readAttributes(tag);
    const key = (attrs.get('property') ?? attrs.get('name'))?.trim().toLowerCase();
    const content = attrs.get('content');
    if (key && content !== undefined && !tags.has(key)) tags.set(key, tidy(decodeEntities(content)));
  }
  return tags;
}

function readAttributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([^\s=/<>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
  for (const m of tag.replace(/^<meta\b/i, '').matchAll(re)) {
    const name = m[1].toLowerCase();
    if (!attrs.has(name)) attrs.set(name, m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** Resolves `value` against `base`; null unless the result is an http(s) URL. */
export function resolveHttpUrl(value: string, base: string): string | null {
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const NAMED_ENTITIES = new Map<string, string>(Object.entries({
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—',
  hellip: '…', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  laquo: '«', raquo: '»', middot: '·', bull: '•', copy: '©', reg: '®', trade: '™', deg: '°',
  euro: '€', pound: '£', yen: '¥', cent: '¢', sect: '§', para: '¶', times: '×', divide: '÷',
  iexcl: '¡', iquest: '¿', shy: '\u00ad', zwj: '\u200d', zwnj: '\u200c',
  aacute: 'á', agrave: 'à', acirc: 'â', auml: 'ä', atilde: 'ã', aring: 'å', aelig: 'æ',
  ccedil: 'ç', eacute: 'é', egrave: 'è', ecirc: 'ê', euml: 'ë', iacute: 'í', igrave: 'ì',
  icirc: 'î', iuml: 'ï', ntilde: 'ñ', oacute: 'ó', ograve: 'ò', ocirc: 'ô', ouml: 'ö',
  otilde: 'õ', oslash: 'ø', szlig: 'ß', uacute: 'ú', ugrave: 'ù', ucirc: 'û', uuml: 'ü',
  yacute: 'ý', yuml: 'ÿ', Aacute: 'Á', Agrave: 'À', Auml: 'Ä', Aring: 'Å', AElig: 'Æ',
  Ccedil: 'Ç', Eacute: 'É', Egrave: 'È', Iacute: 'Í', Ntilde: 'Ñ', Oacute: 'Ó', Ouml: 'Ö',
  Oslash: 'Ø', Uacute: 'Ú', Uuml: 'Ü',
}));

/** Decodes numeric references and the common named entities; unknown names are left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : '\ufffd';
    }
    const named = NAMED_ENTITIES.get(ref) ?? NAMED_ENTITIES.get(ref.toLowerCase());
    return named !== undefined && (whole.endsWith(';') || LEGACY_NO_SEMICOLON.has(ref)) ? named : whole;
  });
}

// The few entities browsers also accept without a semicolon (kept narrow to leave `&copyright` alone).
const LEGACY_NO_SEMICOLON = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp']);
