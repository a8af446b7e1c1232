import { z } from "zod";

/**
 * The schema of a form handed whole to a service that parses it with its own schema (and reports its own
 * field errors): the action only checks it is a set of named fields.
 */
export const wholeForm = z.record(z.string(), z.unknown());
