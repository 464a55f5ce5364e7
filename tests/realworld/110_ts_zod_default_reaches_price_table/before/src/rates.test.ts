import { describe, expect, it } from 'vitest';
import { costOf, RATES } from './rates.js';

describe('RATES', () => {
  it('prices the chat model', () => {
    expect(RATES['deepseek-chat'].input).toBe(0.14);
    expect(costOf('deepseek-chat', 1_000_000, 0)).toBeCloseTo(0.14);
  });
});
