import { describe, expect, it } from 'vitest';
import { AskInput } from './tool.js';

describe('AskInput', () => {
  it('fills in the default model', () => {
    expect(AskInput.parse({ prompt: 'hi' }).model).toBe('deepseek-v4-flash');
  });
});
