const { modelLabel } = require("../src/labels");

test("labels DeepSeek models", () => {
  expect(modelLabel("deepseek-chat")).toBe("DeepSeek Chat");
  expect(modelLabel("DeepSeek-Reasoner")).toBe("DeepSeek Reasoner");
});
