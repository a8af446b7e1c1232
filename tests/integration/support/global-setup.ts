import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { createTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    uploadsDir: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase("it");
  const uploadsDir = `data/test/uploads-${Date.now()}`;
  project.provide("databaseUrl", database.url);
  project.provide("uploadsDir", uploadsDir);
  return async () => {
    await database.drop();
    rmSync(uploadsDir, { recursive: true, force: true });
  };
}
