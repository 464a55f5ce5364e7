package demo;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

/** Reviews pull requests with deepseek-reasoner. */
public class Reviewer {
    static final String FALLBACK_MODEL = "deepseek-chat";

    private final OpenAIClient client = OpenAIOkHttpClient.builder()
        .baseUrl("https://api.deepseek.com")
        .apiKey(System.getenv("DEEPSEEK_API_KEY"))
        .build();

    public String review(String diff) {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
            .model("deepseek-reasoner")
            .addUserMessage("Review this diff:\n" + diff)
            .build();
        ChatCompletion completion = client.chat().completions().create(params);
        return completion.choices().get(0).message().content().orElse("");
    }
}
