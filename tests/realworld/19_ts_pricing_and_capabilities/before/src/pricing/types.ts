export type ProviderPricing = Record<string, { inputPer1M: number; outputPer1M: number; cacheReadPer1M?: number }>;
