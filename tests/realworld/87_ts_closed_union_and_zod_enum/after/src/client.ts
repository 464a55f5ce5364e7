import type { ChatCompletionParams } from './types';

export class DeepSeekClient {
  constructor(private readonly send: (params: ChatCompletionParams) => Promise<string>) {}

  async createChatCompletion(params: ChatCompletionParams): Promise<string> {
    return this.send({ model: params.model, messages: params.messages, max_tokens: params.max_tokens });
  }

  async testConnection(): Promise<boolean> {
    const content = await this.createChatCompletion({
      model: 'deepseek-v4-flash',
      messages: [{ role: 'user', content: 'Hi' }],
      max_tokens: 10,
    });
    return content.length > 0;
  }
}
