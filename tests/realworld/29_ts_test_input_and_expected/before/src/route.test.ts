import { describe, expect, it } from "vitest";
import { modelRoute } from "./route";

describe("modelRoute", () => {
  it("prefixes the model with a slash", () => {
    expect(modelRoute("deepseek-chat")).toBe("/deepseek-chat");
  });

  it("trims whitespace", () => {
    expect(modelRoute(" gpt-4o ")).toBe("/gpt-4o");
  });
});
