import type { ProviderPricing } from "./types";

// USD per 1M tokens, from the provider's price page
export const deepseekPricing: ProviderPricing = {
  "deepseek-chat": { inputPer1M: 0.28, outputPer1M: 0.42, cacheReadPer1M: 0.028 },
  "deepseek-reasoner": { inputPer1M: 0.28, outputPer1M: 0.42, cacheReadPer1M: 0.028 },
  "deepseek-v3": { inputPer1M: 0.28, outputPer1M: 0.42, cacheReadPer1M: 0.028 },
};
