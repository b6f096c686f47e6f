import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "../features/sourcing/renderWithProviders.testing.tsx";
import { MainNavigation } from "./MainNavigation.tsx";

describe("Main navigation", () => {
  it("opens and closes by keyboard; Escape closes and returns focus to the menu button", async () => {
    const user = userEvent.setup();
    renderWithProviders(<MainNavigation />, { route: "/" });
    const toggle = screen.getByRole("button", { name: "Menü" });
    const navigation = screen.getByRole("navigation", { name: "Hauptnavigation" });
    expect(toggle).toHaveAttribute("aria-controls", navigation.id);
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(navigation).not.toHaveClass("atlas-main-nav--open");

    await user.tab();
    expect(toggle).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    expect(navigation).toHaveClass("atlas-main-nav--open");
    await user.keyboard(" ");
    expect(toggle).toHaveAttribute("aria-expanded", "false");

    await user.keyboard("{Enter}");
    await user.tab();
    expect(screen.getByRole("link", { name: "Start" })).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(toggle).toHaveFocus();
  });

  it("closes when a page is chosen", async () => {
    const user = userEvent.setup();
    renderWithProviders(<MainNavigation />, { route: "/" });
    const toggle = screen.getByRole("button", { name: "Menü" });
    await user.click(toggle);
    await user.click(screen.getByRole("link", { name: "Roadmap" }));
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(screen.getByRole("link", { name: "Roadmap" })).toHaveAttribute("aria-current", "page");
  });
});
