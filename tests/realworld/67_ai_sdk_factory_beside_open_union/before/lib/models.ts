// ids the settings page offers; any other string is accepted too
export type DeepSeekModelId = "deepseek-chat" | "deepseek-reasoner" | (string & {});

export const LABELS: Record<string, string> = {
  "deepseek-chat": "Fast",
  "deepseek-reasoner": "Careful",
};
