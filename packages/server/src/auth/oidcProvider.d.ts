// Minimal types for the in-process OpenID provider used by oidc.test.ts (the package ships none).
declare module "oidc-provider" {
  import type { Server } from "node:http";
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    listen(port: number): Server;
  }
}
