// The models the settings page offers (deepseek-chat is the default).
export type DeepSeekModel = "deepseek-chat" | "deepseek-reasoner";

export const MODEL_LABELS: Record<DeepSeekModel, string> = {
  "deepseek-chat": "Fast",
  "deepseek-reasoner": "Careful",
};
