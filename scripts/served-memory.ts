/**
 * The served app's memory settings (docs/operations.md, "Memory"), set by scripts/start.ts on the server
 * process and used by the import benchmark to measure that same configuration:
 *   - node --max-old-space-size (SERVED_HEAP_MB): with V8's default limit (a quarter of the machine's memory,
 *     over 2 GB here) the old generation grows to several times what is live before it is collected, and
 *     a heap that grew is not given back while the process sits idle;
 *   - node --max-semi-space-size (SERVED_SEMI_SPACE_MB): the young generation's two halves are 16 MB each by
 *     default and stay that size once a burst of allocation (an import) has grown them;
 *   - MALLOC_ARENA_MAX: glibc gives each thread that allocates (V8's GC and compiler threads, libuv's pool)
 *     an arena of its own, 64 MB of address space each, whose freed pages stay resident.
 * An operator's own NODE_OPTIONS --max-old-space-size / --max-semi-space-size or MALLOC_ARENA_MAX wins;
 * `heapMb` (the benchmark's --heap) replaces the heap limit.
 */
export const SERVED_HEAP_MB = 384;
export const SERVED_SEMI_SPACE_MB = 8;
export const SERVED_MALLOC_ARENA_MAX = "2";

export function servedNodeEnv(
  env: NodeJS.ProcessEnv,
  heapMb?: number,
): { NODE_OPTIONS: string; MALLOC_ARENA_MAX: string } {
  const options = (env.NODE_OPTIONS ?? "").replace(heapMb ? /--max-old-space-size=\S+/g : /$^/, "").trim();
  const heap = /--max-old-space-size=/.test(options)
    ? ""
    : ` --max-old-space-size=${heapMb ?? SERVED_HEAP_MB}`;
  const young = /--max-semi-space-size=/.test(options)
    ? ""
    : ` --max-semi-space-size=${SERVED_SEMI_SPACE_MB}`;
  return {
    NODE_OPTIONS: `${options}${heap}${young}`.trim(),
    MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? SERVED_MALLOC_ARENA_MAX,
  };
}
