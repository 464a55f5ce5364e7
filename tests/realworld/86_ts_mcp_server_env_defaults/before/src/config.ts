export interface ServerConfig {
  apiKey: string;
  defaultModel: string;
  fallbackModel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const apiKey = env.DEEPSEEK_API_KEY;
  if (!apiKey) {
    throw new Error("DEEPSEEK_API_KEY is required");
  }
  return {
    apiKey,
    defaultModel: env.DEEPSEEK_DEFAULT_MODEL ?? "deepseek-chat",
    fallbackModel: env.DEEPSEEK_FALLBACK_MODEL ?? "deepseek-chat",
  };
}
