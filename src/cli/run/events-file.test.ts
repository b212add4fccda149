import { describe, expect, it } from "vitest";

import { parseEventsFile } from "./events-file";

describe("parseEventsFile", () => {
  it("reads every kind of line, skipping blank and comment lines", () => {
    const result = parseEventsFile(
      [
        "# the reviewer approves",
        '{"approve": "review", "by": "avery", "comment": "ok"}',
        "",
        '{"reject": "review", "by": "blake", "comment": "wrong PO"}',
        '{"changes": "review", "by": "blake", "comment": "attach the PO"}',
        '{"escalation": "support", "tier": "l1", "resolved": false, "text": "needs legal", "confidence": 0.4}',
        '{"signal": "ticket.accepted", "payload": {"agent": "sam"}}',
        '{"advance": "PT1H30M"}',
      ].join("\r\n"),
    );
    expect(result).toEqual({
      ok: true,
      events: [
        { kind: "approval", line: 2, nodeId: "review", decision: "approve", by: "avery", comment: "ok" },
        { kind: "approval", line: 4, nodeId: "review", decision: "reject", by: "blake", comment: "wrong PO" },
        { kind: "approval", line: 5, nodeId: "review", decision: "changes", by: "blake", comment: "attach the PO" },
        { kind: "escalation", line: 6, nodeId: "support", tier: "l1", resolved: false, by: "cli", text: "needs legal", confidence: 0.4 },
        { kind: "signal", line: 7, name: "ticket.accepted", payload: { agent: "sam" } },
        { kind: "advance", line: 8, duration: "PT1H30M", ms: 5_400_000 },
      ],
    });
  });

  it("reports each bad line with its number", () => {
    const result = parseEventsFile(
      [
        '{"approve": "review"}',
        "[1]",
        '{"approve": "review", "signal": "x", "by": "a"}',
        '{"escalation": "support", "tier": "l1"}',
        '{"signal": "x", "extra": 1}',
        '{"escalation": "support", "tier": "l1", "resolved": true, "confidence": 3}',
      ].join("\n"),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { line: 1, message: "by: is required" },
      { line: 2, message: expect.stringContaining("expected a JSON object") },
      { line: 3, message: expect.stringContaining("found approve, signal") },
      { line: 4, message: "resolved: is required (true or false)" },
      { line: 5, message: 'Unrecognized key: "extra"' },
      { line: 6, message: expect.stringMatching(/^confidence: /) },
    ]);
  });
});
