import pg from "pg";

const DATE_OID = 1082;

/**
 * Calendar dates stay `YYYY-MM-DD` strings: a date has no time zone, and a JS Date would invent
 * one. Everything else keeps node-postgres's defaults, which DBOS relies on (bigint as string).
 * Queries made through drizzle bring their own parsers and return dates, timestamps, numerics
 * and bigints as strings.
 */
export const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === DATE_OID) return (value: string) => value;
    return pg.types.getTypeParser(oid, format as "text");
  }) as pg.CustomTypesConfig["getTypeParser"],
};
