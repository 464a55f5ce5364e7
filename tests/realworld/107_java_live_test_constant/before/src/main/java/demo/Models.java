package demo;

public enum Models {

	V4_FLASH("deepseek-v4-flash"),

	@Deprecated
	CHAT("deepseek-chat");

	private final String id;

	Models(String id) {
		this.id = id;
	}
}
