module example.com/relaybot

go 1.19

require (
	github.com/cohesion-org/deepseek-go v1.3.2
	github.com/sashabaranov/go-openai v1.41.2
)
