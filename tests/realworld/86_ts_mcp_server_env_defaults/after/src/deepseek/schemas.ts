import { z } from "zod";

export const chatToolInput = z.object({
  message: z.string().optional(),
  model: z.string().default("deepseek-v4-flash"),
  temperature: z.number().optional(),
});

export const completionToolInput = z.object({
  prompt: z.string(),
  suffix: z.string().optional(),
  model: z.string().default("deepseek-v4-flash"),
});
