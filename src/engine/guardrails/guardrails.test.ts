import { describe, expect, it } from "vitest";

import { escalationReason } from "../escalation/escalation-reason";
import { checkBudget, checkConfidence, checkContent, checkRate, checkScope } from "./checks";
import { ibanValid, luhnValid } from "./checksums";
import { findPii } from "./pii";
import { runGuardrail } from "./run-guardrail";

describe("guardrail checks", () => {
  it("validates card numbers with Luhn and IBANs with mod-97", () => {
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
    expect(ibanValid("GB82 WEST 1234 5698 7654 32")).toBe(true);
    expect(ibanValid("GB82 WEST 1234 5698 7654 33")).toBe(false);
    expect(ibanValid("DE89370400440532013000")).toBe(true);
  });

  it("finds personal data and ignores look-alikes", () => {
    const text = "Mail ann@example.com, call +1 415 555 2671, card 4111 1111 1111 1111, IBAN DE89370400440532013000, SSN 123-45-6789.";
    expect(findPii(text, ["email", "phone", "card", "iban", "ssn"]).map((finding) => finding.kind)).toEqual(["email", "phone", "card", "iban", "ssn"]);
    expect(findPii("order 4111 1111 1111 1112 and 000-12-3456", ["card", "ssn"])).toEqual([]);
    expect(findPii("ann@example.com", ["email"])[0]?.masked).toBe("***********.com");
  });

  it("content, confidence, budget, rate and scope pass or block with a reason", () => {
    expect(checkContent("This is Confidential.", { blockedTerms: ["confidential"], pii: [] })).toMatchObject({ passed: false, reason: expect.stringContaining("confidential") });
    expect(checkContent("unconfidentially fine", { blockedTerms: ["confidential"], pii: [] }).passed).toBe(true);
    expect(checkConfidence(0.84, 0.85).passed).toBe(false);
    expect(checkConfidence(undefined, 0.85).passed).toBe(false);
    expect(checkConfidence(0.9, 0.85).passed).toBe(true);
    expect(checkBudget(400, 700, 1000).passed).toBe(false);
    expect(checkBudget(300, 700, 1000).passed).toBe(true);
    expect(checkRate(99, 100, "PT1H").passed).toBe(true);
    expect(checkRate(100, 100, "PT1H").passed).toBe(false);
    expect(checkScope("refund", ["reply", "refund"]).passed).toBe(true);
    expect(checkScope("delete", ["reply"]).passed).toBe(false);
  });

  it("runGuardrail blocks on the first failing check and says which", () => {
    const config = {
      stage: "before" as const,
      checks: [
        { kind: "confidence" as const, value: "x", min: 0.85 },
        { kind: "rate" as const, key: "payment.schedule", max: 2, window: "PT1H" },
      ],
    };
    expect(runGuardrail(config, [0.9, null], { counts: { "payment.schedule": 1 } }).outcome).toBe("pass");
    expect(runGuardrail(config, [0.9, null], { counts: { "payment.schedule": 2 } }).output).toMatchObject({ blockedBy: { kind: "rate" } });
  });

  it("escalation triggers", () => {
    const triggers = { confidenceBelow: 0.7, keywords: ["legal", "urgent"], errorCount: 3, amountAbove: 500, timeExceeded: "PT30M" };
    expect(escalationReason(triggers, { text: "hello", errors: 0 })).toBeUndefined();
    expect(escalationReason(triggers, { text: "URGENT please", errors: 0 })).toBe('keyword "urgent"');
    expect(escalationReason(triggers, { text: "", errors: 0, confidence: 0.5 })).toContain("confidence");
    expect(escalationReason(triggers, { text: "", errors: 3 })).toBe("3 errors");
    expect(escalationReason(triggers, { text: "", errors: 0, amount: 501 })).toContain("amount");
    expect(escalationReason(triggers, { text: "", errors: 0, elapsedMs: 31 * 60_000 })).toContain("time");
  });
});
