/**
 * Ties a zod schema to the plain type the zod-free layers use for the same data: `sameType<
 * z.output<typeof S>, T>(true)` compiles only while the two describe the same values, so a
 * field added to one and not the other fails the type check instead of drifting.
 */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Call with `true`: the argument's type is `true` only when A and B are the same. */
export const sameType = <A, B>(ok: Same<A, B>): Same<A, B> => ok;
