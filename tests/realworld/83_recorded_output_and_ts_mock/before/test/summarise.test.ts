import { describe, expect, it, vi } from "vitest";

const create = vi.fn();
vi.mock("openai", () => ({ default: vi.fn(() => ({ chat: { completions: { create } } })) }));

import { summarise } from "../src/summarise";

describe("summarise", () => {
  it("returns the model's reply", async () => {
    create.mockResolvedValue({
      id: "chatcmpl-123",
      object: "chat.completion",
      created: 1718000000,
      model: "deepseek-chat",
      choices: [{ index: 0, message: { role: "assistant", content: "short" }, finish_reason: "stop" }],
      usage: { prompt_tokens: 12, completion_tokens: 1, total_tokens: 13 },
    });
    expect(await summarise("a long text")).toBe("short");
  });
});
