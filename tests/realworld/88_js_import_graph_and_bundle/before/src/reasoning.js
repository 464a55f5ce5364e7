export const reasoningModel = process.env.BOT_REASONING_MODEL || "deepseek-reasoner";
