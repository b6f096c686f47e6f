// The app's Content-Security-Policy forbids eval. zod probes for it (`new Function`) when it
// builds its first object schema, which the browser reports as a CSP violation; jitless mode
// skips the probe. zod reads this global config object, which must be set before the app's
// modules build their schemas: a deferred classic script runs before the module scripts that
// follow it (HTML: deferred and module scripts execute in document order).
(globalThis.__zod_globalConfig ??= {}).jitless = true;
