export const defaults = { model: "deepseek-reasoner", temperature: 0.2 };
