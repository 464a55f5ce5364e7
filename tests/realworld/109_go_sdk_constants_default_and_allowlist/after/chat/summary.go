package chat

import "github.com/cohesion-org/deepseek-go"

// SummaryRequest asks the reasoning model to sum up a thread.
func SummaryRequest(thread string) *deepseek.ChatCompletionRequest {
	return &deepseek.ChatCompletionRequest{
		Model:    "deepseek-v4-flash",
		Messages: []deepseek.ChatCompletionMessage{{Role: deepseek.ChatMessageRoleUser, Content: "Sum up: " + thread}},
	}
}
