const MODEL_FAST = "deepseek-v4-flash";
const MODEL_THINKING = "deepseek-v4-flash";
const MODEL_PRO = "deepseek-v4-pro";

function pickModel(body = {}) {
  const explicit = String(body.model || "").trim().toLowerCase();
  if (explicit.includes("deepseek-v4-pro")) return { model: MODEL_PRO, thinking: true };
  if (explicit.includes("deepseek-v4-flash")) return { model: MODEL_FAST, thinking: false };
  // old names still arrive from saved client settings: route them to V4
  if (explicit.includes("deepseek-reasoner")) return { model: MODEL_THINKING, thinking: true };
  if (explicit.includes("deepseek-chat")) return { model: MODEL_FAST, thinking: false };
  return { model: MODEL_FAST, thinking: false };
}

module.exports = { pickModel };
