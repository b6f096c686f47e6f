/**
 * An @mention: either an account's e-mail address (`@anna.schmidt@kreis-lippe.de`) or a
 * display name in brackets (`@[Anna Schmidt]`). Returned lower-cased and without duplicates,
 * in order of first appearance.
 */
export interface Mentions {
  emails: string[];
  names: string[];
}

// The @ must start the text or follow a space or an opening punctuation mark, so that a plain
// address in the text ("an info@kdn.de schreiben") is not a mention.
const EMAIL_MENTION = /(?<=^|[\s(,;:])@([a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})/giu;
const NAME_MENTION = /(?<=^|[\s(,;:])@\[([^\]\n]{1,100})\]/gu;

/** Finds the @mentions in a comment. */
export function parseMentions(text: string): Mentions {
  const emails = new Set<string>();
  const names = new Set<string>();
  for (const match of text.matchAll(EMAIL_MENTION)) {
    if (match[1]) emails.add(match[1].toLowerCase());
  }
  for (const match of text.matchAll(NAME_MENTION)) {
    const name = match[1]?.trim().replace(/\s+/g, " ").toLowerCase();
    if (name) names.add(name);
  }
  return { emails: [...emails], names: [...names] };
}
