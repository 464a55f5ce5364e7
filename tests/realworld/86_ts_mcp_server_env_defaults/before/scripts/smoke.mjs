import { ApiClient } from "../dist/deepseek/client.js";

const client = new ApiClient({ apiKey: process.env.DEEPSEEK_API_KEY });
const model = process.env.SMOKE_MODEL || "deepseek-chat";

const chat = await client.createChatCompletion({
  model: "deepseek-chat",
  messages: [{ role: "user", content: "Reply with SMOKE_OK" }],
  max_tokens: 16,
});

const fim = await client.createCompletion({
  model: "deepseek-chat",
  prompt: "function add(a, b) {",
  suffix: "}",
});

await runTool("chat_completion", {
  message: "Reply with TOOL_OK",
  model: "deepseek-chat",
  max_tokens: 16,
});

console.log(model, chat, fim);
