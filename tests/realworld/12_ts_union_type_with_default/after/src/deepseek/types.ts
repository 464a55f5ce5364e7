/** Model names accepted by the DeepSeek client. */
export type DeepSeekModelType = 'deepseek-chat' | 'deepseek-reasoner' | 'deepseek-v4-flash';

export interface DeepSeekConfig {
  apiKey?: string;
  /** @default 'deepseek-chat' */
  model?: DeepSeekModelType;
  temperature?: number;
}

export const DEFAULT_MODEL: DeepSeekModelType = 'deepseek-v4-flash';
