import { reasoningModel } from "./reasoning.js";

export function pick(hard) {
  const model = hard ? reasoningModel : "gpt-4o-mini";
  return { model, slow: model === "deepseek-reasoner" };
}
