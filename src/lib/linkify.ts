/**
 * A clause's heading or text cut into segments for rendering: plain text, references to other
 * documents (from references.json, at their recorded offset) and web addresses printed in the text.
 *
 * Pure: no HTML here. The component (LinkedText.astro) renders each segment with Astro's escaping,
 * so whatever the text holds (`<script>`, `javascript:`) stays text.
 */

/** What linkify needs of a reference (src/schema/references.ts). */
export interface Located {
  field: 'heading' | 'text';
  offset: number;
  printed: string;
}

export type Segment<R extends Located = Located> =
  | { kind: 'text'; text: string }
  | { kind: 'ref'; text: string; ref: R }
  | { kind: 'url'; text: string; href: string };

/**
 * The text cut at its references and web addresses, in order; joining the segments' `text` gives
 * the text back unchanged. A reference is used only where its `printed` text is found at its
 * offset; of overlapping references the earlier (then the longer) one wins. Addresses are looked
 * for only outside references.
 */
export function segments<R extends Located>(text: string, refs: readonly R[], field: 'heading' | 'text'): Segment<R>[] {
  const placed = refs
    .filter((r) => r.field === field && r.printed.length > 0 && text.startsWith(r.printed, r.offset))
    .sort((a, b) => a.offset - b.offset || b.printed.length - a.printed.length);
  const out: Segment<R>[] = [];
  let at = 0;
  for (const ref of placed) {
    if (ref.offset < at) continue; // overlaps one already placed
    pushPlain(out, text.slice(at, ref.offset));
    out.push({ kind: 'ref', text: ref.printed, ref });
    at = ref.offset + ref.printed.length;
  }
  pushPlain(out, text.slice(at));
  return out;
}

/** Text with its web addresses as url segments. */
function pushPlain<R extends Located>(out: Segment<R>[], text: string): void {
  let at = 0;
  for (const u of findUrls(text)) {
    pushText(out, text.slice(at, u.index));
    out.push({ kind: 'url', text: u.text, href: u.href });
    at = u.index + u.text.length;
  }
  pushText(out, text.slice(at));
}

function pushText<R extends Located>(out: Segment<R>[], text: string): void {
  if (!text) return;
  const last = out.at(-1);
  if (last?.kind === 'text') last.text += text;
  else out.push({ kind: 'text', text });
}

export interface FoundUrl {
  /** Where the address starts in the text. */
  index: number;
  /** As printed. */
  text: string;
  /** The link target: the address itself, or `http://` + a bare domain. */
  href: string;
}

/** Characters of an address: ASCII only, so Chinese text and punctuation (，。）《》) end it. */
const URL_CHARS = "[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]";
/** Top-level domains a bare address (no http://) may end in: enough for the corpus, few false hits. */
const BARE_TLD = '(?:cn|com|org|net|gov|edu)';
const URL_RE = new RegExp(
  [
    // http:// or https:// and the rest
    `(?<![A-Za-z0-9])https?://${URL_CHARS}+`,
    // www.example.org, vslc.ncb.edu.cn (a letter first, at least two dots or www.), optional path
    `(?<![A-Za-z0-9@./\\-])(?:www\\.[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+|[A-Za-z][A-Za-z0-9-]*(?:\\.[A-Za-z0-9-]+)*\\.(?:[A-Za-z0-9-]+\\.)?${BARE_TLD})(?![A-Za-z0-9-])(?:/${URL_CHARS}*)?`,
  ].join('|'),
  'gu',
);

/** Web addresses in a text. Trailing punctuation (.,;:!?'") and an unmatched ) or ] are not part of the address. */
export function findUrls(text: string): FoundUrl[] {
  const out: FoundUrl[] = [];
  for (const m of text.matchAll(URL_RE)) {
    const printed = trimTrailing(m[0]);
    if (!/\.[A-Za-z0-9-]/u.test(printed.replace(/^https?:\/\//u, ''))) continue; // `http://` alone, or no host
    const href = safeHref(/^https?:\/\//iu.test(printed) ? printed : `http://${printed}`);
    if (href) out.push({ index: m.index, text: printed, href });
  }
  return out;
}

function trimTrailing(url: string): string {
  let s = url;
  for (;;) {
    const last = s.at(-1);
    if (!last) return s;
    if (/[.,;:!?'"*]/u.test(last)) s = s.slice(0, -1);
    else if (last === ')' && count(s, '(') < count(s, ')')) s = s.slice(0, -1);
    else if (last === ']' && count(s, '[') < count(s, ']')) s = s.slice(0, -1);
    else return s;
  }
}

const count = (s: string, ch: string) => s.split(ch).length - 1;

/** The address as an href if it is an http(s) URL with a host; anything else (javascript:, data:, …) is null. */
export function safeHref(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (!parsed.hostname) return null;
  return url;
}
