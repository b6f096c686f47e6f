import { beforeAll, describe, expect, it } from "vitest";
import { extractPdfText } from "../export/textPdf.ts";
import { expectProblem } from "../testing/expectProblem.ts";
import { authHeaders } from "../testing/signedIn.ts";
import { useTestApp } from "../testing/testApp.ts";

const server = useTestApp();
const LIPPE = "05766";
const DETMOLD = "05766020";
let analyst: { authorization: string };
let reader: { authorization: string };

beforeAll(async () => {
  analyst = await authHeaders(server.db, "kdn_analyst");
  reader = await authHeaders(server.db, "leser");
});

const german = (value: number) => new Intl.NumberFormat("de-DE").format(value);

describe("landscape report", () => {
  it("refuses anonymous callers and unknown scopes", async () => {
    expectProblem(
      await server.app.inject({ url: `/api/reports/landscape?level=kreis&key=${LIPPE}` }),
      401,
      "unauthenticated",
    );
    expectProblem(
      await server.app.inject({
        url: "/api/reports/landscape?level=kreis&key=05999",
        headers: analyst,
      }),
      404,
      "report_scope_not_found",
    );
  });

  it("prints the Kreis Lippe figures that the Kennzahlen page shows", async () => {
    const started = performance.now();
    const response = await server.app.inject({
      url: `/api/reports/landscape?level=kreis&key=${LIPPE}`,
      headers: analyst,
    });
    const milliseconds = performance.now() - started;
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    const pdf = response.rawPayload;
    const raw = pdf.toString("latin1");
    expect(raw).toContain("/Lang (de-DE)");
    expect(raw).toContain("/DisplayDocTitle true");
    // The map of the Gemeinden: filled paths.
    expect(raw).toMatch(/ h B/);
    const text = extractPdfText(pdf);

    const kreis = (
      await server.app.inject({ url: `/api/organisations/${LIPPE}`, headers: analyst })
    ).json<{ children: unknown[] }>();
    const gemeinden = kreis.children.length;
    const current = (
      await server.app.inject({ url: "/api/kpi/current?level=kreis", headers: analyst })
    ).json<{
      items: Array<{
        key: string;
        figures: { kommunen: number; population: number; providers: number };
      }>;
    }>();
    const figures = current.items.find((item) => item.key === LIPPE)?.figures;
    expect(figures?.kommunen).toBe(gemeinden + 1);
    expect(text).toContain("IT-Landschaftsbericht Kreis Lippe");
    expect(text).toMatch(
      new RegExp(`Kommunen \\(Kreise und Gemeinden\\)\\n${figures?.kommunen}\\n`),
    );
    expect(text).toMatch(new RegExp(`Gemeinden\\n${gemeinden}\\n`));
    expect(text).toContain(`Einwohner (Zensus 2022)\n${german(figures?.population ?? -1)}`);
    expect(text).toContain(`IT-Dienstleister im Einsatz\n${german(figures?.providers ?? -1)}`);
    expect(text).toContain("Detmold");
    expect(text).toContain("© GeoBasis-DE / BKG (Daten verändert) – dl-de/by-2-0");
    expect(text).toContain("https://www.govdata.de/dl-de/by-2-0");
    expect(text).toContain("Demodaten (synthetisch)");
    // Measured: synchronous generation is fast enough (see reportRoutes.ts).
    expect(milliseconds).toBeLessThan(15_000);
  });

  it("hides the cost of a small group from readers but not the Kreis total", async () => {
    const text = extractPdfText(
      (
        await server.app.inject({
          url: `/api/reports/kommunen/${DETMOLD}`,
          headers: reader,
        })
      ).rawPayload,
    );
    expect(text).toContain("Kommunenprofil Detmold");
    expect(text).toContain("nicht sichtbar (vertraulich)");
    const kreis = extractPdfText(
      (
        await server.app.inject({
          url: `/api/reports/landscape?level=kreis&key=${LIPPE}`,
          headers: reader,
        })
      ).rawPayload,
    );
    expect(kreis).toContain("Laufende Kosten je Jahr");
  });

  it("writes the NRW and Regierungsbezirk reports", async () => {
    for (const url of [
      "/api/reports/landscape?level=nrw",
      "/api/reports/landscape?level=regierungsbezirk&key=057",
    ]) {
      const response = await server.app.inject({ url, headers: analyst });
      expect(response.statusCode, url).toBe(200);
      expect(extractPdfText(response.rawPayload)).toContain("Lippe");
    }
  });
});

describe("progress report", () => {
  it("asks for a snapshot first, then lists the series", async () => {
    expectProblem(
      await server.app.inject({
        url: `/api/reports/progress?level=kreis&key=${LIPPE}`,
        headers: analyst,
      }),
      404,
      "kpi_series_empty",
    );
    for (let index = 0; index < 2; index += 1) {
      const taken = await server.app.inject({
        method: "POST",
        url: "/api/kpi/snapshots",
        headers: analyst,
      });
      expect(taken.statusCode, taken.body).toBe(201);
    }
    const text = extractPdfText(
      (
        await server.app.inject({
          url: `/api/reports/progress?level=kreis&key=${LIPPE}`,
          headers: analyst,
        })
      ).rawPayload,
    );
    expect(text).toContain("Fortschrittsbericht Veränderungsprozess Kreis Lippe");
    expect(text).toContain("2 Erfassungen der Kennzahlen");
  });
});
