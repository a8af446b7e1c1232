"use client";

import { useEffect, useImperativeHandle, useRef, useState, type InputHTMLAttributes, type Ref } from "react";
import { useTranslations } from "next-intl";
import { cn } from "./cn";

/**
 * A real <input type="file"> with a localized face. The browser's own button says "Choose File / No file
 * chosen" in the browser's language, so the input is laid transparently over a drawn button and file
 * name: clicks, taps, drag-and-drop and the keyboard all reach the native input (it keeps its id, name and
 * <label for>), and the drawn part is aria-hidden because the input announces its own state.
 */
export function FileInput({
  className,
  invalid,
  multiple,
  onChange,
  ref: outerRef,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & {
  invalid?: boolean;
  ref?: Ref<HTMLInputElement | null>;
}) {
  const t = useTranslations("common.file");
  const ref = useRef<HTMLInputElement>(null);
  useImperativeHandle(outerRef, () => ref.current as HTMLInputElement, []);
  const [names, setNames] = useState<string[]>([]);

  // React resets the form after a successful action; forget the shown names then too.
  useEffect(() => {
    const form = ref.current?.form;
    if (!form) return;
    const clear = () => setNames([]);
    form.addEventListener("reset", clear);
    return () => form.removeEventListener("reset", clear);
  }, []);

  const chosen =
    names.length === 0 ? t("none") : names.length === 1 ? names[0] : t("count", { count: names.length });
  return (
    <div
      className={cn(
        "relative flex min-h-11 w-full items-center gap-3 rounded-lg bg-white p-1 pr-3 text-sm shadow-sm ring-1 ring-inset ring-slate-300",
        "hover:ring-brand-500 has-[input:focus-visible]:ring-2 has-[input:focus-visible]:ring-brand-600",
        invalid && "ring-2 ring-red-600",
        className,
      )}
    >
      <input
        ref={ref}
        type="file"
        multiple={multiple}
        onChange={(e) => {
          setNames(Array.from(e.currentTarget.files ?? [], (f) => f.name));
          onChange?.(e);
        }}
        aria-invalid={invalid || undefined}
        className="absolute inset-0 z-10 h-full w-full cursor-pointer opacity-0 focus-visible:outline-none"
        {...input}
      />
      <span
        aria-hidden="true"
        className="inline-flex min-h-9 shrink-0 items-center gap-1.5 rounded-md bg-brand-50 px-3 font-semibold text-brand-800 ring-1 ring-inset ring-brand-200"
      >
        <svg viewBox="0 0 20 20" fill="currentColor" className="size-4" aria-hidden="true">
          <path d="M9.25 13.25a.75.75 0 0 0 1.5 0V4.636l2.955 3.129a.75.75 0 0 0 1.09-1.03l-4.25-4.5a.75.75 0 0 0-1.09 0l-4.25 4.5a.75.75 0 1 0 1.09 1.03L9.25 4.636v8.614Z" />
          <path d="M3.5 12.75a.75.75 0 0 0-1.5 0v2.5A2.75 2.75 0 0 0 4.75 18h10.5A2.75 2.75 0 0 0 18 15.25v-2.5a.75.75 0 0 0-1.5 0v2.5c0 .69-.56 1.25-1.25 1.25H4.75c-.69 0-1.25-.56-1.25-1.25v-2.5Z" />
        </svg>
        {multiple ? t("chooseMany") : t("choose")}
      </span>
      <span
        aria-hidden="true"
        className={cn("min-w-0 truncate", names.length ? "font-medium text-ink" : "text-slate-500")}
      >
        {chosen}
      </span>
    </div>
  );
}
