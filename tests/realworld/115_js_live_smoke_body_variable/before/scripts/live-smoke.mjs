#!/usr/bin/env node
// Live smoke test against the real API: run by hand before a release.
// Needs DEEPSEEK_API_KEY; prints one line per check and exits 1 on a failure.

const API = process.env.DEEPSEEK_BASE_URL ?? "https://api.deepseek.com";
const key = process.env.DEEPSEEK_API_KEY;

async function withRetry(send, payload, tries = 3) {
  for (let i = 1; ; i++) {
    try {
      return await send();
    } catch (err) {
      if (i >= tries) throw new Error(`${payload.model}: ${err.message}`);
    }
  }
}

async function post(path, payload) {
  const res = await fetch(`${API}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${key}` },
    body: JSON.stringify(payload),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.json();
}

async function chatCheck() {
  const request = {
    model: "deepseek-chat",
    messages: [{ role: "user", content: "Reply with the word pong." }],
    max_tokens: 16,
    temperature: 0,
  };
  const reply = await post("/chat/completions", request);
  console.log("chat:", reply.choices[0].message.content.trim());
}

async function reasonerCheck() {
  const request = {
    model: "deepseek-reasoner",
    messages: [{ role: "user", content: "What is 17 * 23? Answer with the number." }],
  };
  const reply = await post("/chat/completions", request);
  console.log("reasoner:", reply.choices[0].message.content.trim());
  console.log("reasoning chars:", (reply.choices[0].message.reasoning_content ?? "").length);
}

async function retriedCheck() {
  const request = { model: "deepseek-chat", messages: [{ role: "user", content: "hi" }] };
  console.log("sending", request.model);
  return withRetry(() => post("/chat/completions", request), request);
}

// other scripts build their bodies here and post them their own way
export function pingRequest() {
  const request = { model: "deepseek-chat", messages: [{ role: "user", content: "ping" }] };
  return request;
}

await chatCheck();
await reasonerCheck();
await retriedCheck();
