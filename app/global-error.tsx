"use client";

import "./globals.css";
import { Unavailable, UNAVAILABLE_TEXT } from "@/components/layout/Unavailable";

/**
 * When the root layout itself fails there is no layout and no known language: the notice in both.
 */
export default function GlobalError() {
  return (
    <html lang="zh-CN">
      <body className="flex min-h-dvh flex-col justify-center gap-6 px-4 py-10">
        <Unavailable text={UNAVAILABLE_TEXT["zh-CN"]} />
        <Unavailable text={UNAVAILABLE_TEXT.en} lang="en" />
      </body>
    </html>
  );
}
