/** USD per million tokens, by model id. */
export const RATES = {
  'deepseek-v4-flash': { input: 0.14, output: 0.28 },
  'deepseek-chat': { input: 0.14, output: 0.28 },
  'deepseek-reasoner': { input: 0.55, output: 2.19 },
} as const;

export function costOf(model: string, tokensIn: number, tokensOut: number): number {
  const rate = RATES[model as keyof typeof RATES] ?? RATES['deepseek-v4-flash'];
  return (tokensIn * rate.input + tokensOut * rate.output) / 1_000_000;
}
