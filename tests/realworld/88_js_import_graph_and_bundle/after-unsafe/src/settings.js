export const chatModel = process.env.BOT_MODEL || "deepseek-v4-flash";
