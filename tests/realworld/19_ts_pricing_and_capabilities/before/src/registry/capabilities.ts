export function capabilitiesOf(modelName: string): string[] {
  if (modelName.includes("embedding")) {
    return ["embedding"];
  }
  const caps = ["text", "json"];
  if (!modelName.includes("deepseek-reasoner")) {
    caps.push("tool_calling");
  }
  return caps;
}
