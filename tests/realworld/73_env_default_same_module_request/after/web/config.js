export const defaults = { model: "deepseek-v4-flash", temperature: 0.2 };
