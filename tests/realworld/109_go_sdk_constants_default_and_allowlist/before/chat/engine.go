package chat

import (
	"github.com/cohesion-org/deepseek-go"

	"example.com/relaybot/catalog"
)

// Engine sends a user's messages to the model their settings name.
type Engine struct {
	Model string
}

// Choose picks the user's model when the catalog allows it, else the default.
func (e *Engine) Choose(wanted string) {
	e.Model = deepseek.DeepSeekChat
	if wanted != "" && catalog.Allowed[wanted] {
		e.Model = wanted
	}
}

// Request builds the body sent to DeepSeek.
func (e *Engine) Request(prompt string) *deepseek.ChatCompletionRequest {
	return &deepseek.ChatCompletionRequest{
		Model:    e.Model,
		Messages: []deepseek.ChatCompletionMessage{{Role: deepseek.ChatMessageRoleUser, Content: prompt}},
	}
}
