package settings

import (
	"os"

	ds "github.com/cohesion-org/deepseek-go"
)

// TextModel is the model written into a new user's settings.
func TextModel(provider string) string {
	if m := os.Getenv("TEXT_MODEL"); m != "" {
		return m
	}
	switch provider {
	case "deepseek":
		return ds.DeepSeekChat
	}
	return ds.DeepSeekChat
}
