import type { ChatRequest } from "./types.js";

export interface ClientOptions {
  apiKey: string;
  fallbackModel?: string;
}

export class ApiClient {
  private readonly fallbackModel: string;

  constructor(private readonly options: ClientOptions) {
    this.fallbackModel = options.fallbackModel ?? "deepseek-v4-flash";
  }

  async chat(request: ChatRequest): Promise<unknown> {
    try {
      return await this.post("/chat/completions", request);
    } catch (error) {
      if (!this.retriable(request)) {
        throw error;
      }
      return this.post("/chat/completions", { ...request, model: this.fallbackModel });
    }
  }

  private retriable(request: ChatRequest): boolean {
    return String(request.model) === "deepseek-reasoner" && request.model !== this.fallbackModel;
  }

  private async post(path: string, body: unknown): Promise<unknown> {
    const response = await fetch(`https://api.deepseek.com${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${this.options.apiKey}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return response.json();
  }
}
