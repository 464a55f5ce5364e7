package catalog

import "github.com/cohesion-org/deepseek-go"

// Allowed lists the models a user may pick.
var Allowed = map[string]bool{
	deepseek.DeepSeekChat:     true,
	deepseek.DeepSeekReasoner: true,
	deepseek.DeepSeekCoder:    true,
}
