/** Badge tone of an import job's status. */
export function statusTone(status: string): "success" | "danger" | "brand" | "warning" | "neutral" {
  if (status === "discarded" || status === "undone") return "neutral";
  return status === "committed"
    ? "success"
    : status === "failed"
      ? "danger"
      : status === "previewed"
        ? "brand"
        : "warning";
}
