"use client";

import { startTransition, useState, type FormEvent } from "react";
import type { FormState } from "@/lib/core/form-state";
import type { PhotoSide } from "@/lib/identity-cases/rules";

/**
 * Shared by the forms that send the two hand-held photos: the form is sent in a transition (React's form
 * action would empty both file inputs afterwards), never while a photo is still being shrunk, and a side
 * the server refused is cleared (PhotoField's `rejected`) while the other keeps its photo.
 */
export function usePhotoSubmit<D>(state: FormState<D>, action: (data: FormData) => void) {
  const [busy, setBusy] = useState<Record<PhotoSide, boolean>>({ front: false, back: false });
  const [rejected, setRejected] = useState<Record<PhotoSide, number>>({ front: 0, back: 0 });
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state.fieldErrors?.front || state.fieldErrors?.back)
      setRejected((r) => ({
        front: r.front + (state.fieldErrors?.front ? 1 : 0),
        back: r.back + (state.fieldErrors?.back ? 1 : 0),
      }));
  }
  const anyBusy = busy.front || busy.back;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (anyBusy) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
  const photoProps = (side: PhotoSide) => ({
    rejected: rejected[side],
    onBusyChange: (value: boolean) => setBusy((b) => ({ ...b, [side]: value })),
  });
  return { submit, busy: anyBusy, photoProps };
}
