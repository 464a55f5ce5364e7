/**
 * Models served by the DeepSeek chat completion endpoint.
 */
export enum DeepSeekModel {
  DEEPSEEK_CHAT = 'deepseek-chat',
  DEEPSEEK_REASONER = 'deepseek-reasoner',
}
