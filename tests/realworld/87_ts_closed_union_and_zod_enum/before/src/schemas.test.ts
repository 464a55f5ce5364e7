import { describe, expect, it } from 'vitest';
import { ChatInputSchema } from './schemas';

describe('ChatInputSchema', () => {
  it('fills in the default model', () => {
    const parsed = ChatInputSchema.parse({ prompt: 'hello' });
    expect(parsed.model).toBe('deepseek-chat');
  });
});
