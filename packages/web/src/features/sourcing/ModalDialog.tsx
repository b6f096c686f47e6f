import { useEffect, useId, useRef, type ReactNode } from "react";
import "./sourcing.css";

/**
 * A modal KERN dialog on the native <dialog>: the browser traps focus and closes on Escape.
 * On open, focus goes to the title so the dialog is announced; on close it returns to the
 * control that opened it.
 */
export function ModalDialog({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog) return undefined;
    // jsdom (tests) has no showModal; the open attribute keeps the content visible there.
    if (typeof dialog.showModal === "function") {
      if (!dialog.open) dialog.showModal();
    } else dialog.setAttribute("open", "");
    titleRef.current?.focus();
    return () => {
      if (typeof dialog.close === "function" && dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="kern-dialog atlas-modal"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="kern-dialog__header">
        <h2 id={titleId} ref={titleRef} className="kern-title" tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="kern-btn kern-btn--tertiary" onClick={onClose}>
          <span className="kern-icon kern-icon--close" aria-hidden="true" />
          <span className="kern-sr-only">Dialog schließen</span>
        </button>
      </header>
      <div className="kern-dialog__body">{children}</div>
    </dialog>
  );
}
