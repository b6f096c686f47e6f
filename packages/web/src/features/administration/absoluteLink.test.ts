import { describe, expect, it } from "vitest";
import { absoluteLink } from "./absoluteLink.ts";

describe("absoluteLink", () => {
  it("completes a path from the web app's own address", () => {
    expect(absoluteLink("/einladung?token=abc", "https://atlas.kommune.de")).toBe(
      "https://atlas.kommune.de/einladung?token=abc",
    );
  });

  it("keeps an absolute link from ATLAS_PUBLIC_URL as it is", () => {
    expect(
      absoluteLink(
        "https://atlas.example.de/passwort-zuruecksetzen?token=x",
        "http://localhost:5173",
      ),
    ).toBe("https://atlas.example.de/passwort-zuruecksetzen?token=x");
  });
});
