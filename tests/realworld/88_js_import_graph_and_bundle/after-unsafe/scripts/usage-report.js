// counts recorded usage rows per model (reads a CSV export, sends nothing)
export function bucket(row) {
  return row.model === "deepseek-v4-flash" ? "chat" : "other";
}
