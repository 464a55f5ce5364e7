export const DeepSeekModels = {
  chat: 'deepseek-chat',
  reasoner: 'deepseek-reasoner',
} as const;

export type DeepSeekModelId = (typeof DeepSeekModels)[keyof typeof DeepSeekModels];

export const MODEL_LABELS: Record<DeepSeekModelId, string> = {
  'deepseek-chat': 'Fast answers',
  'deepseek-reasoner': 'Step-by-step reasoning',
};
