import { fakeApi as api } from "../sourcing/fakeApi.testing.ts";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { answerSession } from "../auth/buildUser.testing.ts";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { TokenAnswerPage } from "./AnswerPages.tsx";
import { buildQuestionnaire } from "./buildQuestionnaire.testing.ts";

const TOKEN = "a".repeat(43);

beforeEach(() => {
  answerSession(null);
  api.respond({
    path: "/api/domains",
    body: { items: [{ id: "einwohnerwesen", name: "Einwohnerwesen", isGroup: false }] },
  });
  api.respond({ path: "/api/survey/token", body: buildQuestionnaire() });
  api.respond({ method: "PUT", path: "/api/survey/token/answers", body: { saved: 1 } });
});

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/erhebung" element={<TokenAnswerPage />} />
    </Routes>,
    { route: `/erhebung?token=${TOKEN}` },
  );
}

const saves = () =>
  api.requests.filter(
    (request) => request.method === "PUT" && request.url.pathname.endsWith("/answers"),
  );

describe("answering through a personal link", () => {
  it("shows per section the OZG-Leistungen the Kommune is responsible for, with their status", async () => {
    renderPage();
    const summary = await screen.findByText(
      "2 zuständige OZG-Leistungen im Bereich Einwohnerwesen, davon 1 online",
    );
    await userEvent.setup().click(summary);
    expect(screen.getByText("Meldebescheinigung – geplant")).toBeVisible();
  });

  it("saves changed answers after a pause and says when the draft was saved", async () => {
    const user = userEvent.setup();
    renderPage();
    await user.type(await screen.findByLabelText(/Ansprechperson/), "Frau Kluge");
    expect(screen.getByText("Ungespeicherte Änderungen …")).toHaveAttribute("role", "status");
    expect(saves()).toHaveLength(0);
    await screen.findByText(/^Entwurf gespeichert um \d\d:\d\d:\d\d\.$/, {}, { timeout: 3000 });
    expect(saves()).toHaveLength(1);
    expect(saves()[0]?.body).toEqual({ answers: { ansprechperson: "Frau Kluge" } });
    expect(saves()[0]?.headers.get("x-survey-token")).toBe(TOKEN);
  });

  it("offers the landscape's value for confirmation and saves it when confirmed", async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findByText(/Aus der IT-Landkarte vorbelegt: IT-Dienstleister/);
    await user.click(screen.getByRole("button", { name: /Wert bestätigen/ }));
    await waitFor(() => expect(saves()).toHaveLength(1), { timeout: 3000 });
    expect(saves()[0]?.body).toEqual({ answers: { "ew-betrieb": "it_dienstleister" } });
  });

  it("labels a prefill from demo values and saves nothing until the person confirms it", async () => {
    api.respond({
      path: "/api/survey/token",
      body: buildQuestionnaire({ prefillDemo: ["ew-betrieb"] }),
    });
    const user = userEvent.setup();
    renderPage();
    await screen.findByText(
      /Aus der IT-Landkarte vorbelegt: IT-Dienstleister \(Demodaten \(synthetisch\) – keine Angabe Ihrer Kommune\)/,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(saves()).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: /Wert bestätigen/ }));
    await waitFor(() => expect(saves()).toHaveLength(1), { timeout: 3000 });
    expect(saves()[0]?.body).toEqual({ answers: { "ew-betrieb": "it_dienstleister" } });
  });

  it("shows no demo label for a prefill from entered values", async () => {
    renderPage();
    const hint = await screen.findByText(/Aus der IT-Landkarte vorbelegt: IT-Dienstleister/);
    expect(hint.textContent).not.toContain("Demodaten");
  });

  it("shows the server's field errors next to the field and in a summary, and keeps saving the rest", async () => {
    api.respond({
      method: "PUT",
      path: "/api/survey/token/answers",
      status: 400,
      body: {
        status: 400,
        code: "invalid_answers",
        title: "Ungültige Eingabe",
        detail: "Bitte prüfen Sie eine Antwort.",
        errors: [{ field: "ew-personal", message: "Der Wert muss mindestens 0 VZÄ betragen." }],
      },
    });
    const user = userEvent.setup();
    renderPage();
    const field = await screen.findByLabelText(/Eigenes IT-Personal/);
    await user.type(field, "-1");
    await waitFor(() => expect(field).toHaveAttribute("aria-invalid", "true"), { timeout: 3000 });
    expect(field).toHaveAccessibleDescription(/Der Wert muss mindestens 0 VZÄ betragen\./);
    expect(
      screen.getByRole("link", {
        name: "Eigenes IT-Personal für das Einwohnerwesen: Der Wert muss mindestens 0 VZÄ betragen.",
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/eine Antwort wurde nicht gespeichert, bitte prüfen/),
    ).toBeInTheDocument();
  });

  it("names missing required answers when submitting", async () => {
    api.respond({
      method: "POST",
      path: "/api/survey/token/submit",
      status: 400,
      body: {
        status: 400,
        code: "incomplete_answers",
        title: "Ungültige Eingabe",
        detail: "Bitte beantworten Sie alle Pflichtfragen.",
        errors: [{ field: "ansprechperson", message: "Bitte beantworten Sie diese Pflichtfrage." }],
      },
    });
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole("button", { name: "Absenden" }));
    await user.click(await screen.findByRole("button", { name: "Jetzt absenden" }));
    const summaryLink = await screen.findByRole("link", {
      name: "Ansprechperson: Bitte beantworten Sie diese Pflichtfrage.",
    });
    expect(summaryLink).toHaveAttribute("href", "#frage-ansprechperson");
    expect(screen.getByText("Bitte beantworten Sie alle Pflichtfragen.")).toBeInTheDocument();
    expect(screen.getByLabelText(/Ansprechperson/)).toHaveAttribute("aria-invalid", "true");
  });
});
