import { checkDigitFor } from "@/lib/identity/id-number";

/** Calls a route handler the way Next does: a real Request, the dynamic params as a promise. */
type Handler<P> = (request: Request, context?: { params: Promise<P> }) => Response | Promise<Response>;

export async function call<P>(
  handler: Handler<P>,
  path: string,
  options: {
    method?: string;
    token?: string | null;
    body?: unknown;
    params?: P;
    headers?: Record<string, string>;
  } = {},
): Promise<{ status: number; body: Record<string, unknown> & { [k: string]: unknown }; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined && !headers["content-type"]) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost${path}`, {
    method: options.method ?? "GET",
    headers,
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === "string"
          ? options.body
          : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? ({} as P)) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {}, headers: response.headers };
}

/** A valid 18-digit resident ID number for a birth date; the sequence's last digit decides the gender. */
export function idNumberFor(birth: string, male: boolean, seed: number): string {
  const seq = String((seed * 2 + (male ? 1 : 0)) % 1000).padStart(3, "0");
  const first17 = `110101${birth.replaceAll("-", "")}${seq}`;
  return first17 + checkDigitFor(first17);
}
