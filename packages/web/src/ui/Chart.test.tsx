import { render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Chart } from "./Chart.tsx";

describe("Chart", () => {
  it("names the chart and offers the same numbers as a table in German format", () => {
    render(
      <Chart
        title="Anbieter je Leistungsbereich"
        description="Wie viele IT-Dienstleister einen Bereich betreiben."
        option={{ xAxis: { type: "category", data: ["Einwohnerwesen"] }, yAxis: {}, series: [] }}
        table={{
          columns: ["Leistungsbereich", "Anbieter", "HHI"],
          rows: [["Einwohnerwesen", 12, 0.1834]],
        }}
      />,
    );
    const image = screen.getByRole("img", { name: "Anbieter je Leistungsbereich" });
    expect(image).toHaveAccessibleDescription(
      "Wie viele IT-Dienstleister einen Bereich betreiben.",
    );
    const table = screen.getByRole("table", { name: "Anbieter je Leistungsbereich" });
    const row = within(table).getByRole("row", { name: /Einwohnerwesen/ });
    expect(row).toHaveTextContent("12");
    expect(row).toHaveTextContent("0,18");
  });

  it("keeps its German name once ECharts has drawn it", async () => {
    render(
      <Chart
        title="Mengenanteile in Einwohnerwesen"
        description="Anteil jedes Anbieters."
        option={{
          xAxis: { type: "category", data: ["OWL-IT"] },
          yAxis: {},
          series: [{ type: "bar", name: "Anteil", data: [80] }],
        }}
        table={{ columns: ["Anbieter", "Anteil"], rows: [["OWL-IT", 80]] }}
      />,
    );
    const image = screen.getByRole("img", { name: "Mengenanteile in Einwohnerwesen" });
    // ECharts sets the container's aria-label when it has drawn; it must not be its English text.
    await waitFor(() => expect(image.querySelector("svg")).not.toBeNull());
    expect(image).toHaveAttribute("aria-label", "Mengenanteile in Einwohnerwesen");
  });
});

describe("Chart numbers", () => {
  it("writes German numbers on a value axis, not ECharts' English ones", async () => {
    render(
      <Chart
        title="Kosten je Szenario"
        description="Laufende Kosten je Jahr."
        option={{
          xAxis: { type: "category", data: ["Ist", "Szenario A"] },
          yAxis: { type: "value" },
          series: [{ type: "bar", data: [25_000_000, 21_500_000] }],
        }}
        table={{ columns: ["Szenario", "Kosten"], rows: [["Ist", 25_000_000]] }}
      />,
    );
    const image = screen.getByRole("img", { name: "Kosten je Szenario" });
    await waitFor(() => expect(image.querySelector("svg text")).not.toBeNull());
    const labels = [...image.querySelectorAll("svg text")].map((text) => text.textContent);
    expect(labels).toContain("25 Mio.");
    expect(labels.join(" ")).not.toMatch(/\d,\d{3}/);
  });
});
