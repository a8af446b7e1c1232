/**
 * Which way imports may point (docs/architecture.md, "Dependencies"). Checked by the test command
 * (scripts/test-all.sh, step "dependencies"): `npx depcruise app lib components proxy.ts`.
 * No exceptions: a component that needs a route's server action gets it as a prop, or lives beside its route.
 */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "No import cycles: a module and what it imports never lead back to it.",
      from: {},
      to: { circular: true },
    },
    {
      name: "lib-not-to-app",
      severity: "error",
      comment: "lib/ is the core: it never imports routes, pages or their actions.",
      from: { path: "^lib/" },
      to: { path: "^app/" },
    },
    {
      name: "lib-not-to-components",
      severity: "error",
      comment: "lib/ has no React: it never imports components.",
      from: { path: "^lib/" },
      to: { path: "^components/" },
    },
    {
      name: "components-not-to-app",
      severity: "error",
      comment:
        "Components get server actions as props, or live with their route (app/**/_components); form-state types live in lib/.",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^lib/db/generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
    cache: false,
  },
};
