import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { OidcSettings } from "./auth/oidc.ts";

const Environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  ATLAS_DATA_DIR: z.string().min(1).default("./.atlas-data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "muss mit postgres:// oder postgresql:// beginnen")
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ATLAS_WEB_DIST: z.string().optional(),
  ATLAS_DEMO: z.enum(["0", "1"], { message: "muss 0 (aus) oder 1 (an) sein" }).default("1"),
  ATLAS_ADMIN_EMAIL: z.email("ist keine gültige E-Mail-Adresse").optional(),
  ATLAS_ADMIN_PASSWORD: z.string().min(12, "muss mindestens 12 Zeichen lang sein").optional(),
  ATLAS_TRUST_PROXY: z
    .string()
    .regex(/^[0-9]$/, "muss die Zahl der vorgeschalteten Proxys sein (0 bis 9)")
    .default("0"),
  ATLAS_SESSION_IDLE_MINUTES: z.coerce
    .number({ message: "muss eine Zahl von Minuten sein" })
    .int("muss eine ganze Zahl sein")
    .min(5, "muss mindestens 5 Minuten sein")
    .max(8 * 60, "darf höchstens 480 Minuten sein (die Höchstdauer einer Sitzung)")
    .default(30),
  ATLAS_PUBLIC_URL: z.url("muss eine URL sein, z. B. https://it-atlas.example.de").optional(),
  ATLAS_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "muss mit smtp:// oder smtps:// beginnen")
    .optional(),
  ATLAS_MAIL_FROM: z.string().min(3).default("IT-Atlas NRW <no-reply@localhost>"),
  ATLAS_OIDC_ISSUER: z.url("muss die Aussteller-URL des Identitätsdienstes sein").optional(),
  ATLAS_OIDC_CLIENT_ID: z.string().min(1).optional(),
  ATLAS_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  ATLAS_OIDC_REDIRECT_URI: z.url().optional(),
  ATLAS_OIDC_LABEL: z.string().min(1).max(80).default("Mit Single Sign-on anmelden"),
  ATLAS_KPI_INTERVAL_DAYS: z.coerce
    .number({ message: "muss eine Zahl von Tagen sein" })
    .int("muss eine ganze Zahl sein")
    .min(0, "darf nicht negativ sein (0 schaltet die regelmäßige Erfassung ab)")
    .max(3650)
    .default(30),
  ATLAS_JOB_CONCURRENCY: z.coerce
    .number({ message: "muss eine Zahl sein (Aufträge, die gleichzeitig laufen)" })
    .int("muss eine ganze Zahl sein")
    .min(1, "muss mindestens 1 sein")
    .max(16, "darf höchstens 16 sein")
    .default(2),
  ATLAS_CPU_WORKERS: z.coerce
    .number({ message: "muss eine Zahl sein (Worker-Threads für rechenintensive Arbeit)" })
    .int("muss eine ganze Zahl sein")
    .min(1, "muss mindestens 1 sein")
    .max(16, "darf höchstens 16 sein")
    .optional(),
  ATLAS_IMPORTS_PER_ACCOUNT: z.coerce
    .number({ message: "muss eine Zahl sein (gleichzeitige Importe je Konto)" })
    .int("muss eine ganze Zahl sein")
    .min(1, "muss mindestens 1 sein")
    .max(100)
    .default(2),
  ATLAS_UPLOAD_MB_PER_ACCOUNT: z.coerce
    .number({ message: "muss eine Zahl von Megabyte sein" })
    .int("muss eine ganze Zahl sein")
    .min(50, "muss mindestens 50 sein (eine Datei darf 50 MB groß sein)")
    .max(100_000)
    .default(200),
  ATLAS_UPLOAD_RETENTION_HOURS: z.coerce
    .number({ message: "muss eine Zahl von Stunden sein" })
    .int("muss eine ganze Zahl sein")
    .min(1, "muss mindestens 1 sein")
    .max(24 * 365)
    .default(24),
  ATLAS_OIDC_AUTO_CREATE: z.enum(["0", "1"], { message: "muss 0 oder 1 sein" }).default("0"),
  ATLAS_WORKERS: z.coerce
    .number({ message: "muss eine Zahl sein (Serverprozesse)" })
    .int("muss eine ganze Zahl sein")
    .min(1, "muss mindestens 1 sein")
    .max(64, "darf höchstens 64 sein")
    .optional(),
});

/** Server settings, read from the environment. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: string;
  webDist: string;
  /** Load the synthetic demo landscape ("Demodaten (synthetisch)"); ATLAS_DEMO=0 removes it. */
  demo: boolean;
  /** First administrator, created at start when no active administrator exists. */
  initialAdmin: { email: string | undefined; password: string | undefined };
  /**
   * How many reverse proxies in front of the server are trusted (0: none). With N, the client
   * address is the N-th address from the right of X-Forwarded-For (Fastify `trustProxy: N`),
   * so a client cannot choose its own address by sending the header itself.
   */
  trustProxy: number;
  publicUrl: string | undefined;
  /** Minutes after which an unused web session counts as signed out (ATLAS_SESSION_IDLE_MINUTES). */
  sessionIdleMinutes: number;
  /** E-mail for @mentions, when ATLAS_SMTP_URL is set (sender: ATLAS_MAIL_FROM). */
  smtp: { url: string; from: string } | undefined;
  /** OpenID Connect sign-in, when ATLAS_OIDC_ISSUER and ATLAS_OIDC_CLIENT_ID are set. */
  oidc: OidcSettings | undefined;
  /** Days between periodic KPI snapshots (checked at start); 0 = off. */
  kpiIntervalDays: number;
  /** Background jobs run at the same time by this process (ATLAS_JOB_CONCURRENCY, 1–16). */
  jobConcurrency: number;
  /** Worker threads for CPU-heavy work (ATLAS_CPU_WORKERS; default: cores − 1, 1–4). */
  cpuWorkers: number | undefined;
  /** Fair sharing of uploads between accounts (see {@link UploadLimits}). */
  uploads: UploadLimits;
  /**
   * Server processes sharing the port (ATLAS_WORKERS, ADR 0018): by default the number of cores
   * on PostgreSQL, always 1 on PGlite (its data folder has a single owner).
   */
  workers: number;
}

/** Per-account limits and retention of uploaded import files. */
export interface UploadLimits {
  /** Imports (checks or commits) one account may have queued or running at once. */
  concurrentImports: number;
  /** Bytes of uploaded files one account may have stored at once. */
  storedBytes: number;
  /** Hours after which an upload that was not committed is deleted. */
  retentionHours: number;
}

/** Defaults of {@link UploadLimits} (as documented in the README). */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  concurrentImports: 2,
  storedBytes: 200 * 1024 * 1024,
  retentionHours: 24,
};

/** Reads and checks the environment; names the bad variable in German when it is wrong. */
export function readConfig(
  environment: NodeJS.ProcessEnv = process.env,
  cores: number = availableParallelism(),
): ServerConfig {
  const parsed = Environment.safeParse(
    Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== "")),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    throw new Error(`Ungültige Umgebungsvariable – ${problems}`);
  }
  const env = parsed.data;
  if (env.ATLAS_WORKERS !== undefined && env.ATLAS_WORKERS > 1 && !env.DATABASE_URL) {
    throw new Error(
      `Ungültige Umgebungsvariable – ATLAS_WORKERS: mehrere Serverprozesse (${env.ATLAS_WORKERS}) ` +
        "brauchen einen PostgreSQL-Server (DATABASE_URL). Die eingebettete Datenbank (PGlite) gehört " +
        "genau einem Prozess – bitte ATLAS_WORKERS=1 setzen oder DATABASE_URL angeben.",
    );
  }
  if (env.ATLAS_SMTP_URL && !env.ATLAS_PUBLIC_URL) {
    throw new Error(
      "Ungültige Umgebungsvariable – ATLAS_SMTP_URL: E-Mails brauchen ATLAS_PUBLIC_URL (die " +
        "öffentliche Adresse, z. B. https://it-atlas.example.de), damit ihre Links nie aus der " +
        "Host-Angabe einer Anfrage gebaut werden. Bitte ATLAS_PUBLIC_URL setzen.",
    );
  }
  if (
    env.ATLAS_OIDC_ISSUER &&
    env.ATLAS_OIDC_CLIENT_ID &&
    !env.ATLAS_OIDC_REDIRECT_URI &&
    !env.ATLAS_PUBLIC_URL
  ) {
    throw new Error(
      "Ungültige Umgebungsvariable – ATLAS_OIDC_ISSUER: die Anmeldung über einen Identitätsdienst " +
        "braucht ATLAS_OIDC_REDIRECT_URI oder ATLAS_PUBLIC_URL, damit die Rücksprungadresse nie " +
        "aus der Host-Angabe einer Anfrage gebaut wird.",
    );
  }
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: resolve(env.ATLAS_DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    logLevel: env.LOG_LEVEL,
    demo: env.ATLAS_DEMO === "1",
    initialAdmin: { email: env.ATLAS_ADMIN_EMAIL, password: env.ATLAS_ADMIN_PASSWORD },
    trustProxy: Number(env.ATLAS_TRUST_PROXY),
    publicUrl: env.ATLAS_PUBLIC_URL,
    sessionIdleMinutes: env.ATLAS_SESSION_IDLE_MINUTES,
    kpiIntervalDays: env.ATLAS_KPI_INTERVAL_DAYS,
    jobConcurrency: env.ATLAS_JOB_CONCURRENCY,
    cpuWorkers: env.ATLAS_CPU_WORKERS,
    uploads: {
      concurrentImports: env.ATLAS_IMPORTS_PER_ACCOUNT,
      storedBytes: env.ATLAS_UPLOAD_MB_PER_ACCOUNT * 1024 * 1024,
      retentionHours: env.ATLAS_UPLOAD_RETENTION_HOURS,
    },
    workers: env.ATLAS_WORKERS ?? (env.DATABASE_URL ? Math.max(1, cores) : 1),
    smtp: env.ATLAS_SMTP_URL ? { url: env.ATLAS_SMTP_URL, from: env.ATLAS_MAIL_FROM } : undefined,
    oidc:
      env.ATLAS_OIDC_ISSUER && env.ATLAS_OIDC_CLIENT_ID
        ? {
            issuer: env.ATLAS_OIDC_ISSUER,
            clientId: env.ATLAS_OIDC_CLIENT_ID,
            clientSecret: env.ATLAS_OIDC_CLIENT_SECRET,
            redirectUri: env.ATLAS_OIDC_REDIRECT_URI,
            label: env.ATLAS_OIDC_LABEL,
            autoCreate: env.ATLAS_OIDC_AUTO_CREATE === "1",
          }
        : undefined,
    webDist: resolve(
      env.ATLAS_WEB_DIST ?? fileURLToPath(new URL("../../web/dist/", import.meta.url)),
    ),
  };
}
