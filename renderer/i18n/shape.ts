/**
 * A translation of an English namespace: the same keys, every value a string. Declaring a
 * language's file with this type makes a missing or extra key a type error.
 */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
