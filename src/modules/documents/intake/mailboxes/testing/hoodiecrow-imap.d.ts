// hoodiecrow-imap has no types: what the tests use of it.
declare module "hoodiecrow-imap" {
  import type { Server } from "node:net";

  export type HoodiecrowMessage = { uid: number; flags: string[]; raw: string };
  export type HoodiecrowMailbox = { messages: HoodiecrowMessage[]; uidvalidity: number; uidnext: number };
  export type HoodiecrowOptions = {
    plugins?: string[];
    users?: Record<string, { password: string }>;
    storage?: Record<string, unknown>;
  };
  export type Hoodiecrow = {
    server: Server;
    listen(port: number, host: string, callback: () => void): void;
    getMailbox(path: string): HoodiecrowMailbox | undefined;
    createMailbox(path: string): void;
    appendMessage(mailbox: string, flags: string[], internaldate: Date | undefined, raw: string): { message: HoodiecrowMessage };
  };
  export default function hoodiecrow(options: HoodiecrowOptions): Hoodiecrow;
}
