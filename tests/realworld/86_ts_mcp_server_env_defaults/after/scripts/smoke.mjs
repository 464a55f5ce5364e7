import { ApiClient } from "../dist/deepseek/client.js";

const client = new ApiClient({ apiKey: process.env.DEEPSEEK_API_KEY });
const model = process.env.SMOKE_MODEL || "deepseek-v4-flash";

const chat = await client.createChatCompletion({
  model: "deepseek-v4-flash",
  messages: [{ role: "user", content: "Reply with SMOKE_OK" }],
  max_tokens: 16,
  thinking: { type: "disabled" },
});

const fim = await client.createCompletion({
  model: "deepseek-v4-flash",
  prompt: "function add(a, b) {",
  suffix: "}",
});

await runTool("chat_completion", {
  message: "Reply with TOOL_OK",
  model: "deepseek-v4-flash",
  max_tokens: 16,
  thinking: { type: "disabled" },
});

console.log(model, chat, fim);
