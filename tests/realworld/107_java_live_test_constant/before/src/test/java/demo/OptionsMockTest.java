package demo;

import org.junit.jupiter.api.Test;

class OptionsMockTest {

	private static final String MODEL = "deepseek-chat";

	@Test
	void copiesTheModel() {
		var options = ChatOptions.builder().model(MODEL).build();
		FakeServer.reply(options);
	}
}
