import { deepseekPricing } from "./pricing/deepseek";
import { DEFAULT_DEEPSEEK_MODEL } from "./registry/defaults";

export function costOf(tokensIn: number, tokensOut: number, model?: string): number {
  const price = deepseekPricing[model ?? DEFAULT_DEEPSEEK_MODEL];
  return price ? (tokensIn * price.inputPer1M + tokensOut * price.outputPer1M) / 1e6 : 0;
}
