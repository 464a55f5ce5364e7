import { createDeepSeek } from "@ai-sdk/deepseek";
import { generateText } from "ai";

const deepSeek = createDeepSeek({ apiKey: process.env.DEEPSEEK_API_KEY });

export async function solve(problem: string): Promise<string> {
  const { text } = await generateText({ model: deepSeek("deepseek-v4-flash"), prompt: problem, providerOptions: { deepseek: { thinking: { type: "enabled" } } } });
  return text;
}
