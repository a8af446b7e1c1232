/** The ceiling app has no configuration of its own; poweredByHeader off like the portal. */
const config = { poweredByHeader: false };
export default config;
