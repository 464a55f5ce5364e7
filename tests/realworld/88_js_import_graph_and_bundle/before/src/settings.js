export const chatModel = process.env.BOT_MODEL || "deepseek-chat";
