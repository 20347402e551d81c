import { indicatorMatcher, type IndicatorKind } from '../defang.ts';
import { resolveUrl } from '../safe-url.ts';
import type { FileCheck, PublishedIndicator } from './findings.ts';

/**
 * Adversary host rules: the case's indicators as hosts (a listed domain and every host under it, a
 * URL identity's whole host), email addresses and texts to find, and the folding that reads
 * full-width dots, invisible characters and percent-escapes as the address a browser would reach.
 */

// Characters a browser or a paste folds away or into ASCII: invisible format characters, and the
// dots an IDN-aware URL parser reads as a dot (ideographic, full-width, half-width).
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const DOTS = /[\u3002\uFF0E\uFF61]/g;
// One class (printable ASCII but %, and tab and newlines, are left as they are), not an alternation with
// `%`: a class is scanned in one pass.
const NEEDS_FOLDING = /[^\t\n\r\x20-\x24\x26-\x7e]/;
const ESCAPE = /%([0-9a-f]{2})/gi;

/**
 * Text as an address bar would read it: NFKC (full-width letters and dots to ASCII), invisible
 * characters dropped, ideographic dots as dots, percent-escapes of letters, digits and dots decoded.
 * Plain ASCII text, nearly all of it, is returned as is.
 */
export function foldForMatching(text: string): string {
  if (!NEEDS_FOLDING.test(text)) return text;
  let folded = text.normalize('NFKC').replace(IGNORABLE, '').replace(DOTS, '.');
  if (folded.includes('%')) {
    folded = folded.replace(ESCAPE, (escape, hex: string) => {
      const char = String.fromCharCode(parseInt(hex, 16));
      return /[\w.@-]/.test(char) ? char : escape;
    });
  }
  return folded;
}

/** A host name as the URL parser writes it (lower case, punycode), or undefined if it is none. */
function hostOf(value: string): string | undefined {
  const url = resolveUrl(value.includes('://') ? value : `http://${value}`, 'http://x.invalid/');
  return url?.hostname || undefined;
}

/** A listed host or address, and the indicator it comes from. */
export interface IndicatorHit {
  /** The host or address as listed. */
  listed: string;
  /** Its indicator. */
  indicator: PublishedIndicator;
}

/** The case's indicators, indexed for the checks. */
export class AdversaryIndicators {
  readonly #hosts = new Map<string, PublishedIndicator>();
  readonly #emails = new Map<string, PublishedIndicator>();
  readonly #byValue = new Map<string, PublishedIndicator>();
  readonly #match: ReturnType<typeof indicatorMatcher>;

  constructor(indicators: readonly PublishedIndicator[]) {
    const textIndicators: { value: string; kind: IndicatorKind }[] = [];
    const addText = (value: string, kind: IndicatorKind, indicator: PublishedIndicator) => {
      textIndicators.push({ value, kind });
      this.#byValue.set(value.toLowerCase(), indicator);
    };
    for (const indicator of indicators) {
      if (indicator.kind === 'email') {
        this.#emails.set(indicator.value.toLowerCase(), indicator);
        addText(indicator.value, 'email', indicator);
        continue;
      }
      // A URL identity makes its whole host an indicator: another path on the same server is the same server.
      const host = hostOf(indicator.value);
      if (host === undefined) continue;
      this.#hosts.set(host, indicator);
      addText(host, 'domain', indicator);
      const written = indicator.kind === 'domain' ? indicator.value.toLowerCase() : undefined;
      if (written && written !== host) addText(written, 'domain', indicator);
    }
    this.#match = indicatorMatcher(textIndicators);
  }

  /** The listed host a host is, or is under, with its indicator. */
  host(name: string): IndicatorHit | undefined {
    // A fully qualified name's final dot (xiaohong.org.) reaches the same server.
    const host = name.endsWith('.') ? name.slice(0, -1) : name;
    for (let dot = -1; ; dot = host.indexOf('.', dot + 1)) {
      const listed = host.slice(dot + 1);
      const indicator = this.#hosts.get(listed);
      if (indicator) return { listed, indicator };
      if (host.indexOf('.', dot + 1) < 0) return undefined;
    }
  }

  /** The listed email address an address is, or the listed host its domain is under. */
  email(address: string): IndicatorHit | undefined {
    const email = this.#emails.get(address);
    return email ? { listed: address, indicator: email } : this.host(address.slice(address.lastIndexOf('@') + 1));
  }

  /** Checks a text a reader sees for indicators written plainly. */
  checkText(check: FileCheck, text: string, where: string): void {
    for (const found of this.#match(foldForMatching(text))) {
      const indicator = this.#byValue.get(found.value.toLowerCase());
      if (!indicator) continue;
      check.findings.push({
        file: check.file,
        kind: 'indicator-in-text',
        message: `${where} shows the indicator "${indicator.value}" (${indicator.id}) undefanged, as "${found.text}"`,
        fix: `write ${found.defanged}, or link the identity with [[${indicator.id}]]`,
        indicator,
        trace: found.value,
      });
    }
  }
}
