import { DeepSeekModel } from './deepseek-model';

export interface DeepSeekOptions {
  model: DeepSeekModel;
  temperature?: number;
}

export const defaultOptions: DeepSeekOptions = {
  model: DeepSeekModel.DEEPSEEK_CHAT,
  temperature: 0.7,
};
