import { createTransport, type Transporter } from "nodemailer";

/** A person to tell by e-mail. */
export interface MailRecipient {
  email: string;
  name: string;
}

/** What a mention is about. */
export interface MentionMail {
  authorName: string;
  /** Short name of the commented object, e.g. „Maßnahme „Welle 1““. */
  label: string;
  /** Path in the web app, e.g. /massnahmen/4. */
  link: string;
  body: string;
}

/** Sends mention notifications by e-mail (in addition to the in-app list). */
export interface MentionMailer {
  sendMentions(recipients: readonly MailRecipient[], mention: MentionMail): Promise<void>;
}

/** SMTP settings: ATLAS_SMTP_URL (smtp://user:pass@host:587 or smtps://…) and the sender. */
export interface SmtpSettings {
  url: string;
  from: string;
}

/** The German text of a mention e-mail (plain text: readable in every client). */
export function mentionMailText(
  recipient: MailRecipient,
  mention: MentionMail,
  publicUrl: string,
): { subject: string; text: string } {
  const link = new URL(mention.link, publicUrl).toString();
  return {
    subject: `IT-Atlas NRW: ${mention.authorName} hat Sie erwähnt`,
    text: [
      `Guten Tag ${recipient.name},`,
      "",
      `${mention.authorName} hat Sie in einem Kommentar erwähnt (${mention.label}):`,
      "",
      ...mention.body.split("\n").map((line) => `> ${line}`),
      "",
      `Zum Kommentar: ${link}`,
      "",
      "Diese Nachricht wurde automatisch vom IT-Atlas NRW versandt. Ihre Benachrichtigungen finden Sie auch in der Anwendung.",
    ].join("\n"),
  };
}

/**
 * Sends one e-mail per recipient (no one sees the others' addresses) through SMTP. Refuses to
 * exist without the public URL (ATLAS_PUBLIC_URL): links in mail are never built from a
 * request's Host header (issue 15.7); `readConfig` refuses ATLAS_SMTP_URL without it.
 */
export class SmtpMentionMailer implements MentionMailer {
  private readonly transport: Transporter;

  constructor(
    private readonly settings: SmtpSettings,
    private readonly publicUrl: string,
  ) {
    if (!publicUrl) {
      throw new Error("E-Mails brauchen ATLAS_PUBLIC_URL (die öffentliche Adresse des IT-Atlas).");
    }
    this.transport = createTransport({ url: settings.url });
  }

  async sendMentions(recipients: readonly MailRecipient[], mention: MentionMail): Promise<void> {
    for (const recipient of recipients) {
      const { subject, text } = mentionMailText(recipient, mention, this.publicUrl);
      await this.transport.sendMail({
        from: this.settings.from,
        to: { name: recipient.name, address: recipient.email },
        subject,
        text,
      });
    }
  }

  /** Closes pooled connections. */
  close(): void {
    this.transport.close();
  }
}
