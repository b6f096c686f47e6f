import { ApiError, type Problem } from "../../api/client.ts";

/** Fetches a PDF and hands it to the browser as a download; throws the server's problem. */
export async function downloadReport(url: string, fileName: string): Promise<void> {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as Problem | null;
    throw new ApiError(
      problem ?? {
        status: response.status,
        code: "report_failed",
        title: "Fehler",
        detail: "Der Bericht konnte nicht erstellt werden.",
      },
    );
  }
  const blob = await response.blob();
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
