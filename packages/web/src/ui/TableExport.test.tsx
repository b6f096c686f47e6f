import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TableExport } from "./TableExport.tsx";

const columns = [{ header: "Name", value: (row: { name: string }) => row.name }];

describe("TableExport", () => {
  afterEach(() => vi.restoreAllMocks());

  function stubDownloads() {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return "blob:test";
    });
    URL.revokeObjectURL = vi.fn();
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    return { blobs, clicked };
  }

  it("offers the same rows as CSV and as Excel, each neutralised against formulas", async () => {
    const { blobs, clicked } = stubDownloads();
    render(<TableExport fileStem="liste" columns={columns} rows={[{ name: "=1+1" }]} />);
    fireEvent.click(screen.getByRole("button", { name: "Liste als CSV exportieren" }));
    fireEvent.click(screen.getByRole("button", { name: "Liste als Excel exportieren" }));
    expect(clicked).toHaveBeenCalledTimes(2);
    expect(blobs.map((blob) => blob.type)).toEqual([
      "text/csv;charset=utf-8",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ]);
    expect(await blobs[0]?.text()).toContain("'=1+1");
  });

  it("loads every page before exporting and reports a failure in German", async () => {
    stubDownloads();
    const load = vi.fn().mockRejectedValue(new Error("Netzwerkfehler"));
    render(<TableExport fileStem="liste" columns={columns} load={load} label="Kommunen" />);
    fireEvent.click(screen.getByRole("button", { name: "Kommunen als Excel exportieren" }));
    await waitFor(() =>
      expect(screen.getByRole("alert")).toHaveTextContent(/Export fehlgeschlagen/),
    );
    expect(load).toHaveBeenCalledOnce();
  });

  it("is disabled when there is nothing to export", () => {
    render(<TableExport fileStem="liste" columns={columns} rows={[]} />);
    expect(screen.getByRole("button", { name: "Liste als CSV exportieren" })).toBeDisabled();
  });
});
