/** One dynamic page rendered per request (as the portal's pages are), printing the time. */
export const dynamic = "force-dynamic";

export default function Page() {
  return <p>{new Date().toISOString()}</p>;
}
