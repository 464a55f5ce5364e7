import { DeepSeekModels, MODEL_LABELS, type DeepSeekModelId } from './models';

export function options(): { id: DeepSeekModelId; label: string }[] {
  return Object.values(DeepSeekModels).map((id) => ({ id, label: MODEL_LABELS[id] }));
}
