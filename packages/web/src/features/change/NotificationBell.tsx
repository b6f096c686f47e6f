import { useEffect, useId, useRef, useState } from "react";
import { Link, useLocation } from "react-router";
import { formatDateTime } from "../../ui/format.ts";
import { Icon } from "../../ui/Icon.tsx";
import { ErrorState } from "../../ui/States.tsx";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { useMarkNotificationsRead, useNotifications } from "./changeQueries.ts";
import "./change.css";

/**
 * The signed-in account's notifications in the header: a disclosure button that says how
 * many are unread, a list with links, and "mark all as read". Nothing for anonymous visitors.
 */
export function NotificationBell() {
  const { user } = usePrincipal();
  const notifications = useNotifications(user !== null);
  const markRead = useMarkNotificationsRead();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return undefined;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      toggleRef.current?.focus();
    };
    const closeOutside = (event: PointerEvent) => {
      if (event.target instanceof Node && !containerRef.current?.contains(event.target)) {
        setOpen(false);
      }
    };
    document.addEventListener("keydown", closeOnEscape);
    document.addEventListener("pointerdown", closeOutside);
    return () => {
      document.removeEventListener("keydown", closeOnEscape);
      document.removeEventListener("pointerdown", closeOutside);
    };
  }, [open]);
  if (!user) return null;
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];
  return (
    <div className="atlas-notifications" ref={containerRef}>
      <button
        ref={toggleRef}
        type="button"
        className="kern-btn kern-btn--tertiary"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <Icon name="notifications" />
        <span className="kern-label">
          {/* On a phone only the bell and the count show; the name stays for screen readers. */}
          <span className="atlas-notifications__word">Benachrichtigungen</span>
          {unread > 0 ? ` (${unread} ungelesen)` : ""}
        </span>
      </button>
      <div id={panelId} className="atlas-notifications__panel" hidden={!open}>
        {notifications.isError ? <ErrorState error={notifications.error} /> : null}
        {items.length === 0 ? <p className="kern-body">Keine Benachrichtigungen.</p> : null}
        {items.length > 0 ? (
          <ul>
            {items.map((item) => (
              <li key={item.id}>
                <Link
                  className="kern-link"
                  to={item.link}
                  onClick={() => {
                    if (!item.read) markRead.mutate([item.id]);
                  }}
                >
                  {item.read ? "" : "Neu: "}
                  {item.title}
                </Link>
                <br />
                <span className="kern-body kern-body--small">{formatDateTime(item.createdAt)}</span>
              </li>
            ))}
          </ul>
        ) : null}
        {unread > 0 ? (
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            disabled={markRead.isPending}
            onClick={() => markRead.mutate(undefined)}
          >
            <span className="kern-label">Alle als gelesen markieren</span>
          </button>
        ) : null}
      </div>
    </div>
  );
}
