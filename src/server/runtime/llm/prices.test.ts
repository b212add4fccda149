import { describe, expect, it } from "vitest";
import { costOf, DEFAULT_PRICES } from "~/server/runtime/llm/prices";

const usage = { promptTokens: 1_000, completionTokens: 500, totalTokens: 1_500 };

describe("costOf", () => {
  it("prices input and output tokens per million", () => {
    expect(costOf("gpt-4o-mini", usage, DEFAULT_PRICES)).toEqual({ usd: 0.00045, priced: true });
    expect(costOf("gpt-4o", usage, DEFAULT_PRICES)).toEqual({ usd: 0.0075, priced: true });
  });

  it("prices a dated snapshot by its base name", () => {
    expect(costOf("gpt-4o-mini-2024-07-18", usage, DEFAULT_PRICES)).toEqual(costOf("gpt-4o-mini", usage, DEFAULT_PRICES));
    expect(costOf("gpt-4.1-2025-04-14", usage, DEFAULT_PRICES)).toEqual(costOf("gpt-4.1", usage, DEFAULT_PRICES));
  });

  it("costs an unknown model 0 and says so", () => {
    expect(costOf("gpt-4o-minimal", usage, DEFAULT_PRICES)).toEqual({ usd: 0, priced: false });
    expect(costOf("gpt-4o-audio-preview", usage, DEFAULT_PRICES)).toEqual({ usd: 0, priced: false });
    expect(costOf("toString", usage, DEFAULT_PRICES)).toEqual({ usd: 0, priced: false });
  });
});
