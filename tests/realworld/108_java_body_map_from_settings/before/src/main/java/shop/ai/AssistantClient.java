package shop.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.*;
import shop.config.AssistantSettings;

/** Asks DeepSeek for a reply to a buyer's question. */
public class AssistantClient {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private final AssistantSettings settings;
    private final OkHttpClient http = new OkHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    public AssistantClient(AssistantSettings settings) {
        this.settings = settings;
    }

    public String reply(String question) throws Exception {
        List<Map<String, String>> messages = new ArrayList<>();
        Map<String, String> user = new HashMap<>();
        user.put("role", "user");
        user.put("content", question);
        messages.add(user);

        Map<String, Object> payload = new HashMap<>();
        payload.put("model", settings.getModel());
        payload.put("messages", messages);
        payload.put("temperature", 0.7);

        Request request = new Request.Builder()
                .url(settings.getBaseUrl() + "/v1/chat/completions")
                .header("Authorization", "Bearer " + settings.getApiKey())
                .post(RequestBody.create(mapper.writeValueAsString(payload), JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            return mapper.readTree(response.body().string()).path("choices").path(0).path("message").path("content").asText();
        }
    }
}
