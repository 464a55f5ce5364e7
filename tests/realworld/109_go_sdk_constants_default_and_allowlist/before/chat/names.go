package chat

// DeepSeekChat is how the bot's menu names the DeepSeek provider (not a model id).
const DeepSeekChat = "DeepSeek"

// MenuLabel is the provider's label in the menu.
func MenuLabel() string { return DeepSeekChat }
