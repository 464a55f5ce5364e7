export function modelRoute(model: string): string {
  return `/${model.trim()}`;
}
