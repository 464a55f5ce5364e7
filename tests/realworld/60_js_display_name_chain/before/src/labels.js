function modelLabel(raw) {
  const lower = String(raw || "").toLowerCase();
  if (lower.includes("deepseek-reasoner")) return "DeepSeek Reasoner";
  if (lower.includes("deepseek-chat")) return "DeepSeek Chat";
  if (lower.includes("deepseek")) return "DeepSeek";
  if (lower.includes("qwen")) return "Qwen";
  return raw || "-";
}

module.exports = { modelLabel };
