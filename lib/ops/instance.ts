import { hostname } from "node:os";
import { parseEnv } from "../env-schema";

let name: string | undefined;
/** This app instance's name in logs and health answers: INSTANCE_ID, else host name and port. */
export function instanceName(): string {
  if (!name) {
    const e = parseEnv(process.env);
    name = e.INSTANCE_ID ?? `${hostname()}:${e.PORT}`;
  }
  return name;
}
