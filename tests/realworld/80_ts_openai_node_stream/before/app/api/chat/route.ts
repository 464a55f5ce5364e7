import OpenAI from "openai";

const deepseek = new OpenAI({
  baseURL: "https://api.deepseek.com",
  apiKey: process.env.DEEPSEEK_API_KEY,
});

export async function POST(req: Request) {
  const { messages } = await req.json();
  const stream = await deepseek.chat.completions.create({
    model: "deepseek-chat",
    messages,
    stream: true,
  });
  const encoder = new TextEncoder();
  return new Response(
    new ReadableStream({
      async start(controller) {
        for await (const chunk of stream) {
          controller.enqueue(encoder.encode(chunk.choices[0]?.delta?.content ?? ""));
        }
        controller.close();
      },
    }),
    { headers: { "Content-Type": "text/plain; charset=utf-8" } },
  );
}

export async function title(text: string): Promise<string> {
  const reply = await deepseek.chat.completions.create({ model: "deepseek-chat", messages: [{ role: "user", content: text }], max_tokens: 16 });
  return reply.choices[0].message.content ?? "";
}
