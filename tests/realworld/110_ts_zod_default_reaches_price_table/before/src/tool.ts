import { z } from 'zod';
import { ask } from './client.js';
import { costOf } from './rates.js';

export const AskInput = z.object({
  prompt: z.string().min(1),
  model: z.enum(['deepseek-chat', 'deepseek-reasoner']).default('deepseek-chat'),
});

export async function runAsk(raw: unknown): Promise<string> {
  const input = AskInput.parse(raw);
  const answer = await ask(input.model, input.prompt);
  // the reply names the model that answered: its price is looked up by that id
  const cost = costOf(answer.model, answer.tokensIn, answer.tokensOut);
  return `${answer.text}\n(cost: $${cost.toFixed(6)})`;
}
