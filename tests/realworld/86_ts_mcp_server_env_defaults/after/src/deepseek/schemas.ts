import { z } from "zod";

export const chatToolInput = z.object({
  message: z.string().optional(),
  model: z.string().default("deepseek-v4-flash"),
  temperature: z.number().optional(),
  // the tool passes thinking on to the request body (as the real server's schema does)
  thinking: z.object({ type: z.enum(["enabled", "disabled"]) }).optional(),
});

export const completionToolInput = z.object({
  prompt: z.string(),
  suffix: z.string().optional(),
  model: z.string().default("deepseek-v4-flash"),
});
