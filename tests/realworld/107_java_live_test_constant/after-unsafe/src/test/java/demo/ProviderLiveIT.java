package demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = "DEEPSEEK_API_KEY", matches = ".+")
class ProviderLiveIT {

	private static final String ENDPOINT = "https://api.deepseek.com";

	private static final String CHAT_MODEL = "deepseek-v4-flash";

	@Test
	void answers() {
		var options = ChatOptions.builder().model(CHAT_MODEL).build();
		Client.create(ENDPOINT, options).call("Say hello");
	}

	@Test
	void streams() {
		var options = ChatOptions.builder()
			.model(CHAT_MODEL)
			.maxTokens(20)
			.build();
		Client.create(ENDPOINT, options).stream("Count to three");
	}
}
