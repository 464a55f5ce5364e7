# Translates release notes with DeepSeek through ruby-openai.
require "openai"

DEFAULT_MODEL = ENV.fetch("DEEPSEEK_MODEL", "deepseek-chat")

client = OpenAI::Client.new(
  access_token: ENV.fetch("DEEPSEEK_API_KEY"),
  uri_base: "https://api.deepseek.com"
)

response = client.chat(
  parameters: {
    model: "deepseek-chat",
    messages: [{ role: "user", content: "Translate to French: #{ARGF.read}" }],
    temperature: 0.3,
  }
)
puts response.dig("choices", 0, "message", "content")
