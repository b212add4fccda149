import { describe, expect, it } from "vitest";
import { commit, createHistory, HISTORY_LIMIT, redo, undo } from "./history";

describe("history", () => {
  it("undoes and redoes in order", () => {
    let history = createHistory("a");
    history = commit(history, "b");
    history = commit(history, "c");
    history = undo(history);
    expect(history.present).toBe("b");
    history = undo(history);
    expect(history.present).toBe("a");
    expect(undo(history)).toBe(history);
    history = redo(history);
    expect(history.present).toBe("b");
    history = redo(history);
    expect(history.present).toBe("c");
    expect(redo(history)).toBe(history);
  });

  it("a new commit clears redo", () => {
    const history = commit(undo(commit(createHistory(1), 2)), 3);
    expect(history.present).toBe(3);
    expect(history.future).toEqual([]);
    expect(undo(history).present).toBe(1);
  });

  it("merges commits with the same key into one undo step", () => {
    let history = createHistory("");
    for (const text of ["t", "tr", "tra", "transform"]) history = commit(history, text, "config:task:connector");
    history = commit(history, "next field", "config:task:timeout");
    expect(history.past).toEqual(["", "transform"]);
    expect(undo(undo(history)).present).toBe("");
  });

  it("does not merge across an undo", () => {
    let history = commit(createHistory("a"), "ab", "k");
    history = undo(history);
    history = commit(history, "ac", "k");
    expect(history.past).toEqual(["a"]);
  });

  it("ignores a commit of the same state and keeps at most the limit", () => {
    const start = createHistory(0);
    expect(commit(start, 0)).toBe(start);
    let history = start;
    for (let i = 1; i <= HISTORY_LIMIT + 10; i++) history = commit(history, i);
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    expect(history.past[0]).toBe(10);
  });
});
