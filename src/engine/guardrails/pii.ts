import type { PiiKind } from "../graph/nodes/guardrail";
import { ibanValid, luhnValid } from "./checksums";

/** One piece of personal data found in a text. */
export interface PiiFinding {
  kind: PiiKind;
  /** Offset in the text. */
  index: number;
  /** The match with all but its last 4 characters masked. */
  masked: string;
}

const PATTERNS: Record<PiiKind, { pattern: RegExp; valid?: (match: string) => boolean }> = {
  email: { pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g },
  card: { pattern: /\b\d(?:[ -]?\d){12,18}\b/g, valid: (match) => luhnValid(match.replace(/\D/g, "")) },
  iban: { pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g, valid: ibanValid },
  ssn: { pattern: /\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b/g },
  phone: {
    pattern: /(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]?\d{2,4}){2,4}/g,
    valid: (match) => {
      const digits = match.replace(/\D/g, "").length;
      return digits >= 9 && digits <= 15;
    },
  },
};

function mask(match: string): string {
  return match.length <= 4 ? "****" : "*".repeat(match.length - 4) + match.slice(-4);
}

/**
 * Finds personal data in a text: emails, phone numbers, payment cards (Luhn-checked), IBANs
 * (mod-97-checked) and US social security numbers.
 *
 * @remarks Cards, IBANs and SSNs are matched before phones so their digits are not reported twice.
 * @example findPii("mail me at a@b.co", ["email"]) // [{ kind: "email", index: 11, masked: "*****b.co" }]
 */
export function findPii(text: string, kinds: readonly PiiKind[]): PiiFinding[] {
  const findings: PiiFinding[] = [];
  const taken: [number, number][] = [];
  const order: PiiKind[] = ["email", "card", "iban", "ssn", "phone"];
  for (const kind of order) {
    if (!kinds.includes(kind)) continue;
    const { pattern, valid } = PATTERNS[kind];
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some(([from, to]) => start < to && end > from)) continue;
      if (valid && !valid(match[0])) continue;
      taken.push([start, end]);
      findings.push({ kind, index: start, masked: mask(match[0]) });
    }
  }
  return findings.sort((a, b) => a.index - b.index);
}
