package chat

import (
	openai "github.com/sashabaranov/go-openai"
)

// QuickRequest is a one-shot question sent through the OpenAI-compatible client.
func QuickRequest(q string) openai.ChatCompletionRequest {
	return openai.ChatCompletionRequest{
		Model:    "deepseek-v4-flash",
		Messages: []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: q}},
	}
}
