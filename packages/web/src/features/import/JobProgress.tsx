/** Progress of a background job as a native progress bar with its German status text. */
export function JobProgress({
  label,
  progress,
  text,
}: {
  label: string;
  progress: number;
  text: string | null;
}) {
  const percent = Math.round(progress * 100);
  return (
    <div className="atlas-import-progress" role="status" aria-live="polite">
      <label className="kern-body kern-body--small">
        {label}: {percent} %{text ? ` – ${text}` : ""}
        <progress max={100} value={percent}>
          {percent} %
        </progress>
      </label>
    </div>
  );
}
