import OpenAI from 'openai';
import { DEFAULT_MODEL, type DeepSeekConfig } from './types';

export function createClient(config: DeepSeekConfig = {}) {
  const openai = new OpenAI({ apiKey: config.apiKey, baseURL: 'https://api.deepseek.com' });
  return (prompt: string) =>
    openai.chat.completions.create({
      model: config.model ?? DEFAULT_MODEL,
      messages: [{ role: 'user', content: prompt }],
      temperature: config.temperature,
    });
}
