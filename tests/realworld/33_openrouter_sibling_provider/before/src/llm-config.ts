export const OPENROUTER_BASE_URL = "https://openrouter.ai/api/v1";

export const llmConfig = {
  provider: "openrouter",
  model: "deepseek/deepseek-chat",
  temperature: 0.4,
};
