import { can } from "@it-atlas/domain";
import { useId, useState } from "react";
import { formatDateTime } from "../../ui/format.ts";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { useComments, usePostComment, type CommentTarget } from "./changeQueries.ts";

/**
 * Comments on a measure, strategy or scenario. `@name@beispiel.de` or `@[Anzeigename]`
 * notifies that person.
 */
export function CommentSection({ target }: { target: CommentTarget }) {
  const comments = useComments(target);
  const post = usePostComment(target);
  const { principal } = usePrincipal();
  const [body, setBody] = useState("");
  const [notice, setNotice] = useState("");
  const id = useId();
  return (
    <section className="atlas-section" aria-labelledby={`${id}-titel`}>
      <h2 className="kern-heading-medium" id={`${id}-titel`}>
        Kommentare
      </h2>
      {comments.isPending ? <LoadingState label="Kommentare werden geladen …" /> : null}
      {comments.isError ? <ErrorState error={comments.error} /> : null}
      {comments.data?.items.length === 0 ? <EmptyState>Noch keine Kommentare.</EmptyState> : null}
      {comments.data?.items.map((comment) => (
        <article key={comment.id} className="atlas-comment">
          <p className="kern-body kern-body--small">
            <strong>{comment.authorName}</strong> · {formatDateTime(comment.createdAt)}
          </p>
          <p className="kern-body">{comment.body}</p>
        </article>
      ))}
      {can(principal, "comments:write") ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!body.trim()) return;
            post.mutate(body, {
              onSuccess: (result) => {
                setBody("");
                setNotice(
                  result.mentioned.length > 0
                    ? `Kommentar gespeichert. Benachrichtigt: ${result.mentioned.map((person) => person.name).join(", ")}.`
                    : "Kommentar gespeichert.",
                );
              },
            });
          }}
        >
          <div className="kern-form-input">
            <label className="kern-label" htmlFor={`${id}-text`}>
              Neuer Kommentar
            </label>
            <div className="kern-hint" id={`${id}-hinweis`}>
              Mit @name@beispiel.de oder @[Anzeigename] erwähnen Sie eine Person; sie wird
              benachrichtigt.
            </div>
            <textarea
              id={`${id}-text`}
              className="kern-form-input__input"
              rows={3}
              aria-describedby={`${id}-hinweis`}
              value={body}
              onChange={(event) => setBody(event.target.value)}
            />
          </div>
          {post.isError ? (
            <ErrorState error={post.error} title="Kommentar nicht gespeichert" />
          ) : null}
          <button type="submit" className="kern-btn kern-btn--secondary" disabled={post.isPending}>
            <span className="kern-label">Kommentar speichern</span>
          </button>
          <p className="kern-body" role="status">
            {notice}
          </p>
        </form>
      ) : null}
    </section>
  );
}
