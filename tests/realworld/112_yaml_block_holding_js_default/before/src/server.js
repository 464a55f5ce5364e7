import OpenAI from 'openai';

const client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });

export async function ask(prompt) {
  const reply = await client.chat.completions.create({
    model: process.env.DEEPSEEK_MODEL,
    messages: [{ role: 'user', content: prompt }],
  });
  return reply.choices[0].message.content;
}
