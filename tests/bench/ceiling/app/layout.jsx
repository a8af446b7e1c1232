/** The framework's ceiling for tests/bench/pages.ts: a root layout and nothing else. */
export const metadata = { title: "ceiling" };

export default function RootLayout({ children }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
