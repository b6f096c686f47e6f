import { fakeApi as api } from "../sourcing/fakeApi.testing.ts";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { answerSession, buildUser } from "../auth/buildUser.testing.ts";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { NotificationBell } from "./NotificationBell.tsx";

describe("notification bell", () => {
  it("says how many are unread, lists them and marks all as read", async () => {
    answerSession(buildUser());
    api.respond({
      path: "/api/notifications",
      body: {
        unread: 1,
        items: [
          {
            id: 4,
            kind: "mention",
            title: "Anna hat Sie erwähnt: Maßnahme „Welle 1“",
            link: "/massnahmen/1",
            createdAt: "2026-11-27T08:00:00Z",
            read: false,
          },
        ],
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<NotificationBell />);
    const toggle = await screen.findByRole("button", {
      name: "Benachrichtigungen (1 ungelesen)",
    });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await user.click(toggle);
    expect(screen.getByRole("link", { name: /Neu: Anna hat Sie erwähnt/ })).toHaveAttribute(
      "href",
      "/massnahmen/1",
    );
    api.respond({ method: "POST", path: "/api/notifications/read", body: { marked: 1 } });
    await user.click(screen.getByRole("button", { name: "Alle als gelesen markieren" }));
    await screen.findByRole("button", { name: /Benachrichtigungen/ });
    expect(api.requests.find((request) => request.method === "POST")?.body).toEqual({});
  });

  it("shows nothing to anonymous visitors", async () => {
    answerSession(null);
    const { container } = renderWithProviders(<NotificationBell />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container).toBeEmptyDOMElement();
    expect(api.requests.some((request) => request.url.pathname === "/api/notifications")).toBe(
      false,
    );
  });
});
