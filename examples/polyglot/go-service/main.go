// Command summarizer answers over HTTP with DeepSeek (deepseek-chat).
package main

import (
	"context"
	"fmt"
	"net/http"
	"os"

	"github.com/openai/openai-go"
	"github.com/openai/openai-go/option"
)

type ModelName string

// The model for summaries; the slow lane is picked by name in route.
const DefaultModel ModelName = "deepseek-chat"

func summarize(ctx context.Context, client openai.Client, text string) (string, error) {
	completion, err := client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model: "deepseek-chat",
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.UserMessage("Summarize: " + text),
		},
	})
	if err != nil {
		return "", err
	}
	return completion.Choices[0].Message.Content, nil
}

func route(model string) string {
	if model == "deepseek-reasoner" {
		return "slow lane"
	}
	return "fast lane"
}

func main() {
	client := openai.NewClient(
		option.WithBaseURL("https://api.deepseek.com"),
		option.WithAPIKey(os.Getenv("DEEPSEEK_API_KEY")),
	)
	http.HandleFunc("/summary", func(w http.ResponseWriter, r *http.Request) {
		answer, _ := summarize(r.Context(), client, r.URL.Query().Get("q"))
		fmt.Fprintln(w, answer)
	})
	http.ListenAndServe(":8080", nil)
}
