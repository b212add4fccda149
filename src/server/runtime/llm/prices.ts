import type { LlmUsage } from "~/server/runtime/llm/types";

/** USD per million tokens. */
export type ModelPrice = { inputPer1M: number; outputPer1M: number };

/** Prices by model name; a dated snapshot such as `gpt-4o-2024-08-06` uses its base name's entry. */
export type PriceTable = Record<string, ModelPrice>;

/**
 * OpenAI's public list prices (standard tier, USD per 1M tokens) as published in 2025. Defaults
 * only: deployments pass their own table, since prices change and contracts differ.
 */
export const DEFAULT_PRICES: PriceTable = {
  "gpt-4o": { inputPer1M: 2.5, outputPer1M: 10 },
  "gpt-4o-mini": { inputPer1M: 0.15, outputPer1M: 0.6 },
  "gpt-4.1": { inputPer1M: 2, outputPer1M: 8 },
  "gpt-4.1-mini": { inputPer1M: 0.4, outputPer1M: 1.6 },
  "o4-mini": { inputPer1M: 1.1, outputPer1M: 4.4 },
};

export type Cost = { usd: number; priced: boolean };

/**
 * The cost of `usage` on `model`: its entry, or for a dated snapshot the entry of its base name
 * (`gpt-4o-mini-2024-07-18` → `gpt-4o-mini`). An unknown model costs 0 with `priced: false`.
 * Rounded to 1e-8 USD.
 *
 * @example
 * costOf("gpt-4o-mini", { promptTokens: 1000, completionTokens: 500, totalTokens: 1500 }, DEFAULT_PRICES)
 * // { usd: 0.00045, priced: true }
 */
export function costOf(model: string, usage: LlmUsage, prices: PriceTable): Cost {
  const price = findPrice(model, prices);
  if (!price) return { usd: 0, priced: false };
  const usd = (usage.promptTokens * price.inputPer1M + usage.completionTokens * price.outputPer1M) / 1_000_000;
  return { usd: Math.round(usd * 1e8) / 1e8, priced: true };
}

/** A dated snapshot suffix: `-2024-08-06` or `-0613`. */
const SNAPSHOT_SUFFIX = /-(\d{4}-\d{2}-\d{2}|\d{4})$/;

function findPrice(model: string, prices: PriceTable): ModelPrice | undefined {
  const name = Object.hasOwn(prices, model) ? model : model.replace(SNAPSHOT_SUFFIX, "");
  return Object.hasOwn(prices, name) ? prices[name] : undefined;
}
