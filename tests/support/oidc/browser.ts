/**
 * A minimal user agent for integration tests: follows the provider's redirects with its own cookie jar,
 * signs in on the provider's login page (a form POST, as a person would), and stops at the portal's
 * redirect URI, returning that URL (code + state) for the portal's callback.
 */
export async function signInAtProvider(
  authorizationUrl: string,
  user: { username: string; password: string } | { cancel: true },
  stopAt: string,
): Promise<URL> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === "") jar.delete(name);
      else jar.set(name, value);
    }
  };
  let url = new URL(authorizationUrl);
  let method = "GET";
  let body: string | undefined;
  for (let hop = 0; hop < 20; hop++) {
    if (url.href.startsWith(stopAt)) return url;
    const response = await fetch(url, {
      method,
      body,
      redirect: "manual",
      headers: {
        cookie: cookieHeader(),
        ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
    });
    remember(response);
    method = "GET";
    body = undefined;
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url);
      continue;
    }
    const html = await response.text();
    if (html.includes('role="alert"')) throw new Error("the provider refused the user name or password");
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (response.status !== 200 || !action)
      throw new Error(`provider answered ${response.status}: ${html.slice(0, 300)}`);
    method = "POST";
    body = new URLSearchParams(
      "cancel" in user ? { cancel: "1" } : { username: user.username, password: user.password },
    ).toString();
    url = new URL(action, url);
  }
  throw new Error("too many redirects at the provider");
}
