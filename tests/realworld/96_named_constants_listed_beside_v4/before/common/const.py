# Model names offered by the bot.
OPENAI = "openai"
DEEPSEEK = "deepseek"

GPT_4O = "gpt-4o"
GPT_4O_MINI = "gpt-4o-mini"

# DeepSeek
DEEPSEEK_CHAT = "deepseek-chat"  # V3, answers directly
DEEPSEEK_REASONER = "deepseek-reasoner"  # R1, reasons first
DEEPSEEK_V4_FLASH = "deepseek-v4-flash"  # default: thinking mode and tools
DEEPSEEK_V4_PRO = "deepseek-v4-pro"  # for harder work

MODEL_LIST = [
    GPT_4O, GPT_4O_MINI,
    DEEPSEEK_V4_FLASH, DEEPSEEK_V4_PRO, DEEPSEEK_CHAT, DEEPSEEK_REASONER,
]
