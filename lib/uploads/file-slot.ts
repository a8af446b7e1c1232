/**
 * A file input left empty still sends a part: the browser's empty slot arrives as a File of 0 bytes whose
 * name is "" or, after the multipart decoding of some runtimes, the text "undefined". Such a slot means
 * "no file chosen" and is never an upload to judge; a named empty file the person did choose still is.
 */
export function isEmptyFileSlot(file: { name: string; size: number }): boolean {
  return file.size === 0 && (file.name === "" || file.name === "undefined" || file.name === "blob");
}

/** The files a person really chose in the form's `name` inputs (strings and empty slots dropped). */
export function chosenFiles(formData: FormData, name: string): File[] {
  return formData.getAll(name).filter((v): v is File => typeof v !== "string" && !isEmptyFileSlot(v));
}
