#!/usr/bin/env bash
# Smoke test: one request, then check the reply mentions the route.
set -euo pipefail
MODEL="${DEEPSEEK_MODEL:-deepseek-v4-flash}"
PROMPT=$(cat <<'EOT'
Reply with one line of YAML:
model: deepseek-reasoner
EOT
)
curl -sS https://api.deepseek.com/chat/completions \
  -H "Authorization: Bearer ${DEEPSEEK_API_KEY}" \
  -H "Content-Type: application/json" \
  -d '{"model": "deepseek-v4-flash", "messages": [{"role": "user", "content": "ping"}], "thinking": {"type": "disabled"}}'
echo "asked $MODEL"
