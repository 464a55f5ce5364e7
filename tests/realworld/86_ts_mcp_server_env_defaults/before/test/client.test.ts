import { describe, expect, it, vi } from "vitest";
import { ApiClient } from "../src/deepseek/client";

describe("reasoner fallback", () => {
  it("retries a failed reasoner call on the fallback model", async () => {
    const fetchMock = vi.fn()
      .mockRejectedValueOnce(new Error("overloaded"))
      .mockResolvedValueOnce({ json: async () => ({ object: "chat.completion", model: "deepseek-chat", choices: [] }) });
    vi.stubGlobal("fetch", fetchMock);
    const client = new ApiClient({ apiKey: "k", fallbackModel: "deepseek-chat" });
    await client.chat({ model: "deepseek-reasoner", messages: [{ role: "user", content: "hi" }] });
    const second = JSON.parse(fetchMock.mock.calls[1][1].body);
    expect(second.model).toBe("deepseek-chat");
  });
});
