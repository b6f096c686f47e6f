import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mentionMailText, SmtpMentionMailer } from "./MentionMailer.ts";

interface Received {
  from: string;
  to: string[];
  data: string;
}

const received: Received[] = [];
// An SMTP server in this process: nothing leaves the machine.
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        to: session.envelope.rcptTo.map((recipient) => recipient.address),
        data: Buffer.concat(chunks).toString("utf8"),
      });
      callback();
    });
  },
});
let port = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(resolve));
});

const mention = {
  authorName: "Anna Analyse",
  label: "Maßnahme „Welle 1“",
  link: "/massnahmen/4",
  body: "Bitte Termin prüfen.\nDanke!",
};

describe("mention e-mails", () => {
  it("writes German text with the full link when the public URL is known", () => {
    const { subject, text } = mentionMailText(
      { email: "b@example.org", name: "Ben" },
      mention,
      "https://atlas.example.de",
    );
    expect(subject).toBe("IT-Atlas NRW: Anna Analyse hat Sie erwähnt");
    expect(text).toContain("Guten Tag Ben,");
    expect(text).toContain("> Bitte Termin prüfen.\n> Danke!");
    expect(text).toContain("Zum Kommentar: https://atlas.example.de/massnahmen/4");
  });

  it("refuses to send without the public URL (issue 15.7)", () => {
    expect(
      () => new SmtpMentionMailer({ url: `smtp://127.0.0.1:${port}`, from: "a@example.org" }, ""),
    ).toThrow("E-Mails brauchen ATLAS_PUBLIC_URL");
  });

  it("sends one message per person through SMTP", async () => {
    const mailer = new SmtpMentionMailer(
      { url: `smtp://127.0.0.1:${port}`, from: "IT-Atlas NRW <atlas@example.org>" },
      "https://atlas.example.de",
    );
    await mailer.sendMentions(
      [
        { email: "ben@example.org", name: "Ben" },
        { email: "cem@example.org", name: "Cem" },
      ],
      mention,
    );
    mailer.close();
    expect(received.map((mail) => mail.to)).toEqual([["ben@example.org"], ["cem@example.org"]]);
    expect(received[0]?.from).toBe("atlas@example.org");
    expect(received[0]?.data).toMatch(/^Subject: /m);
    expect(received[0]?.data).toContain("Zum Kommentar: https://atlas.example.de/massnahmen/4");
    expect(received[1]?.data).not.toContain("ben@example.org");
  });
});
