/** How long a new API token works: chosen at creation, refused (401 api.errors.expiredToken) afterwards. */
export const API_TOKEN_LIFETIMES_DAYS = ["30", "90", "180", "365"] as const;
/** readOnly: every write endpoint answers 403 api.errors.readOnlyToken. */
export const API_TOKEN_ACCESS = ["readOnly", "readWrite"] as const;
