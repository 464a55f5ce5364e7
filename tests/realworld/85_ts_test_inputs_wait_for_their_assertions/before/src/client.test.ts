import { describe, expect, it, vi } from "vitest";
import { sendChat } from "./transport";

describe("sendChat", () => {
  it("posts the model it was given", async () => {
    const reply = { id: "r1", object: "chat.completion", model: "deepseek-chat", choices: [] };
    const fetchFn = vi.fn().mockResolvedValue({ ok: true, json: async () => reply });
    await sendChat({ model: "deepseek-chat", messages: [] }, fetchFn);
    const body = JSON.parse(fetchFn.mock.calls[0][1].body);
    expect(body.model).toBe("deepseek-chat");
  });
});
